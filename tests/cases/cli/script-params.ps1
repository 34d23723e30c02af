# A script's own param() is bound from its command-line arguments.
# ARGS: -Name Ken -Loud 3
param([string]$Name = 'nobody', [int]$Count = 1, [switch]$Loud)
"Name=$Name Count=$Count Loud=$Loud"
$Count.GetType().Name
# CHECK: Name=Ken Count=3 Loud=True
# CHECK: Int32
