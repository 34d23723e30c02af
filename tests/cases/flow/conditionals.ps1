# if / elseif / else, and statements used as values.
$n = 7
if ($n -lt 5) { 'small' } elseif ($n -lt 10) { 'medium' } else { 'large' }
# CHECK: medium
if ($null) { 'yes' } else { 'no' }
# CHECK: no
if (@()) { 'yes' } else { 'empty array is false' }
# CHECK: empty array is false
if ('False') { 'non-empty string is true' }
# CHECK: non-empty string is true
$size = if ($n -gt 5) { 'big' } else { 'tiny' }
$size
# CHECK: big
