# Get-Help builds help from the command's signature: syntax per parameter set (positional
# parameters in brackets, optional ones bracketed whole), aliases, remarks.
Get-Help Out-File
