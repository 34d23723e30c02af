# Format-Custom: each object as a class block of its properties (blank lines left out).
([pscustomobject]@{ Name = 'Ken'; Age = 40; City = 'Oslo' } | Format-Custom -ExcludeProperty Age | Out-String -Stream) -ne ''
# CHECK: class PSCustomObject
# CHECK: {
# CHECK:   Name = Ken
# CHECK:   City = Oslo
# CHECK: }
