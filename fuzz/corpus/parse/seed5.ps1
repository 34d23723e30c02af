function Test-It { param([Parameter(Mandatory)][string]$Name, [switch]$Force) "Hi $Name" }
Test-It -Name x -Force:$false