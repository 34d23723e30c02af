-- Schema version 7: permissions on mailboxes. Who may open a mailbox (its mailbox
-- permissions: one access control entry per user, deny flag and inheritance, holding a
-- set of MailboxRights), who may send as a recipient (SendAs), and who may see a
-- mailbox's folders (one entry per folder and user, or for the folder's Default and
-- Anonymous users, holding the folder rights as MAPI numbers them); and the owner an
-- admin gave a mailbox. An entry goes with the mailbox it is on and with the user it
-- names.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE TABLE mailbox_permissions (
    id INTEGER PRIMARY KEY,
    rid INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    trustee INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    deny INTEGER NOT NULL,
    inheritance TEXT NOT NULL,
    rights INTEGER NOT NULL,
    automapping INTEGER NOT NULL,
    UNIQUE (rid, trustee, deny, inheritance)
);
CREATE INDEX mailbox_permissions_trustee ON mailbox_permissions(trustee);
CREATE TABLE mailbox_owners (
    rid INTEGER PRIMARY KEY REFERENCES recipients(rid) ON DELETE CASCADE,
    owner INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE
);

CREATE TABLE recipient_permissions (
    id INTEGER PRIMARY KEY,
    rid INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    trustee INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    UNIQUE (rid, trustee)
);
CREATE INDEX recipient_permissions_trustee ON recipient_permissions(trustee);

CREATE TABLE folder_permissions (
    id INTEGER PRIMARY KEY,
    rid INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    folder TEXT NOT NULL COLLATE NOCASE,
    principal TEXT NOT NULL,
    trustee INTEGER REFERENCES recipients(rid) ON DELETE CASCADE,
    rights INTEGER NOT NULL,
    flags INTEGER NOT NULL
);
CREATE UNIQUE INDEX folder_permissions_entry
    ON folder_permissions(rid, folder, principal, IFNULL(trustee, 0));
CREATE INDEX folder_permissions_trustee ON folder_permissions(trustee);
