-- Schema version 13: a mailbox's own settings for Outlook on the web (signature, fonts,
-- reading pane, ...: Set-MailboxMessageConfiguration), as a JSON object of the settings
-- changed from their defaults, kept only once one is changed. They go with the mailbox.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE TABLE mailbox_message_configuration (
    rid INTEGER PRIMARY KEY REFERENCES recipients(rid) ON DELETE CASCADE,
    settings TEXT NOT NULL
);
