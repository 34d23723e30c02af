-- Schema version 5: soft delete. A removed mailbox keeps its row for 30 days with the
-- moment it was removed; the mailboxes in use are those without one.
-- Frozen: never edit; a change to the schema is a new numbered file.

ALTER TABLE recipients ADD COLUMN "WhenSoftDeleted" TEXT COLLATE NOCASE;
CREATE INDEX recipients_soft_deleted ON recipients("WhenSoftDeleted");
