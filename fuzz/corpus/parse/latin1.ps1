'café' -replace 'é', 'e'
