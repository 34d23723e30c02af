# Get-Help for an Exchange cmdlet: exosh's own synopsis, description and runnable example,
# the description wrapped at the screen's width (120 columns when not on a terminal) as
# pwsh's help view wraps text: word by word, the line keeping its last blank.
Get-Help Get-TransportConfig
Get-Help Get-TransportConfig -Examples
