-- Schema version 8: what mailboxes hold. For each folder that holds items, and each
-- folder a user made, its item count, size in bytes and oldest and newest item (the
-- folders every mailbox has are exosh's own list; one that holds nothing has no row);
-- and when the mailbox's user last signed in and out. Both go with the mailbox.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE TABLE mailbox_folders (
    id INTEGER PRIMARY KEY,
    rid INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    path TEXT NOT NULL COLLATE NOCASE,
    items INTEGER NOT NULL,
    size INTEGER NOT NULL,
    oldest TEXT,
    newest TEXT,
    created TEXT NOT NULL,
    UNIQUE (rid, path)
);

CREATE TABLE mailbox_activity (
    rid INTEGER PRIMARY KEY REFERENCES recipients(rid) ON DELETE CASCADE,
    last_logon TEXT,
    last_logoff TEXT
);
