# exit with a code; also called by nested-script.ps1.
'seven'
exit 7
# EXIT: 7
# CHECK: seven
