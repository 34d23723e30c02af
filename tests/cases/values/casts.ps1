# Casts and their conversions.
[int]"42"
# CHECK: 42
[int]2.5
# CHECK: 2
[int]3.5
# CHECK: 4
[long]"3000000000"
# CHECK: 3000000000
[double]"1.25"
# CHECK: 1.25
[decimal]"1.10"
# CHECK: 1.10
[string]42
# CHECK: 42
[bool]"False"
# CHECK: True
[bool]""
# CHECK: False
[bool]0
# CHECK: False
[array]5 | ForEach-Object { $_.GetType().Name }
# CHECK: Int32
([array]5).Count
# CHECK: 1
[datetime]"2024-03-05 14:07:09" | ForEach-Object { $_.ToString('yyyy-MM-dd HH:mm') }
# CHECK: 2024-03-05 14:07
([datetime]"2024-03-05").Year
# CHECK: 2024
([guid]"0f8fad5b-d9cb-469f-a165-70867728950e").ToString()
# CHECK: 0f8fad5b-d9cb-469f-a165-70867728950e
$o = [pscustomobject]@{ B = 2; A = 1 }
$o.PSObject.Properties.Name
# CHECK: B
# CHECK: A
$ord = [ordered]@{ z = 1; a = 2 }
$ord.Keys
# CHECK: z
# CHECK: a
"5" -as [int]
# CHECK: 5
$null -eq ("abc" -as [int])
# CHECK: True
# A char is one UTF-16 code unit: integers 0..65535 convert, reals do not.
[char]65
# CHECK: A
[char]0.5
# CHECK: InvalidArgument: {file}:47
# CHECK: Line |
# CHECK:   47 |  [char]0.5
# CHECK:      |  ~~~~~~~~~
# CHECK:      | Cannot convert value "0.5" to type "System.Char". Error: "Invalid cast from 'Double' to 'Char'."
[char]65536
# CHECK: InvalidArgument: {file}:53
# CHECK: Line |
# CHECK:   53 |  [char]65536
# CHECK:      |  ~~~~~~~~~~~
# CHECK:      | Cannot convert value "65536" to type "System.Char". Error: "Value was either too large or too small for a character."
# Narrow integer types keep their .NET range.
[byte]255
# CHECK: 255
[byte]256
# CHECK: InvalidArgument: {file}:62
# CHECK: Line |
# CHECK:   62 |  [byte]256
# CHECK:      |  ~~~~~~~~~
# CHECK:      | Cannot convert value "256" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."
[int16]-40000
# CHECK: InvalidArgument: {file}:68
# CHECK: Line |
# CHECK:   68 |  [int16]-40000
# CHECK:      |  ~~~~~~~~~~~~~
# CHECK:      | Cannot convert value "-40000" to type "System.Int16". Error: "Value was either too large or too small for an Int16."
