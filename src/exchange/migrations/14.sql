-- Schema version 14: recipients in name order, as `Get-Mailbox -SortBy Name` and the admin
-- page's mailbox list read them. The expression is the sort key's own (a blank name sorts
-- as empty, case aside), so a page is a seek and 51 steps along this index instead of a
-- sort of every recipient; `-Filter "Name -gt '...'"` (where the next page starts)
-- compares the same expression and seeks too.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE INDEX recipients_name_order ON recipients(IFNULL("Name", '') COLLATE NOCASE);
