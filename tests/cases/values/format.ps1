# The -f operator with .NET format strings.
'{0} and {1}' -f 'a', 'b'
# CHECK: a and b
'[{0,-6}]' -f 'ab'
# CHECK: [ab    ]
'[{0,6}]' -f 'ab'
# CHECK: [    ab]
'{0:N2}' -f 1234.567
# CHECK: 1,234.57
'{0:N0}' -f 1234567
# CHECK: 1,234,567
'{0:D3}' -f 7
# CHECK: 007
'{0:F1}' -f 2.26
# CHECK: 2.3
'{0:X}' -f 255
# CHECK: FF
'{0:x4}' -f 255
# CHECK: 00ff
'{0:0.00}' -f 3.14159
# CHECK: 3.14
'{{literal}} {0}' -f 1
# CHECK: {literal} 1
'{0:yyyy-MM-dd}' -f [datetime]'2024-01-15'
# CHECK: 2024-01-15
(3.14159).ToString('0.0')
# CHECK: 3.1
