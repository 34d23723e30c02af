# Format-Wide -Column 3: the 120 cells less two separators shared 40/39/39.
'a', 'b', 'c' | Format-Wide -Column 3
