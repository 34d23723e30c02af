# Pipeline binding order: by value when the object already has the type, then by
# property name, then by value with conversion.
function Get-Who {
    param(
        [Parameter(ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Identity
    )
    process { "who: $Identity" }
}
'plain string' | Get-Who
# CHECK: who: plain string
[pscustomobject]@{ Identity = 'from property'; Other = 1 } | Get-Who
# CHECK: who: from property
42 | Get-Who
# CHECK: who: 42
