# Get-Command and Get-Alias print pwsh's command table: CommandType (15 cells), Name (50),
# Version (10), Source; an alias shows as "name -> command".
Get-Command -Verb ConvertTo -Noun Json
Get-Alias ft
