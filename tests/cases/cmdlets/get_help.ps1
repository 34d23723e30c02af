# Get-Help builds help from the command's signature: syntax per parameter set (positional
# parameters in brackets, optional ones bracketed whole) wrapped at the screen's width
# as pwsh's help view wraps it (120 columns when not on a terminal), aliases, remarks.
Get-Help Out-File
