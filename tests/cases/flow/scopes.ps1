# Dynamic scopes: functions see their caller's variables, assignments stay local
# unless $script:/$global: say otherwise.
$x = 'script value'
function Read-X { $x }
Read-X
# CHECK: script value
function Write-Local { $x = 'local value'; $x }
Write-Local
# CHECK: local value
$x
# CHECK: script value
function Write-Script { $script:x = 'changed by function' }
Write-Script
$x
# CHECK: changed by function
function Write-Global { $global:g = 'global value' }
Write-Global
$g
# CHECK: global value
$env:EXOSH_CASE_VAR = 'from env'
$env:EXOSH_CASE_VAR
# CHECK: from env
"in string: $env:EXOSH_CASE_VAR"
# CHECK: in string: from env
function Outer { $inner = 'outer var'; Inner }
function Inner { "inner sees: $inner" }
Outer
# CHECK: inner sees: outer var
# The variable drive sees what a plain name sees (about_Scopes, about_Variable_Provider).
$Variable:driveVar = 'through the drive'
$driveVar
# CHECK: through the drive
$Variable:driveVar
# CHECK: through the drive
