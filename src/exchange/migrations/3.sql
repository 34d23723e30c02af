-- Schema version 3: exosh's mark in the file's header (SQLite's application_id, "exoS"),
-- so that exosh recognises its own organisation files and refuses anyone else's.

PRAGMA application_id = 1702391635;
