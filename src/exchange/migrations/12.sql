-- Schema version 12: Inbox rules. One row per rule a mailbox's owner sorts mail with: its
-- RuleIdentity (a number Exchange gives it, unique in the mailbox), its name (two rules
-- may share one), its place in the order the rules run (from 1), whether it is on, and
-- its conditions, exceptions and actions as a JSON object by parameter name. A rule goes
-- with its mailbox.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE TABLE inbox_rules (
    id INTEGER PRIMARY KEY,
    rid INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    rule_identity TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    priority INTEGER NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    settings TEXT NOT NULL DEFAULT '{}',
    UNIQUE (rid, rule_identity)
);
CREATE INDEX inbox_rules_rid ON inbox_rules(rid, priority);
