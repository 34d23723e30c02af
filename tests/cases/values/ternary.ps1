# pwsh 7's ternary operator `<condition> ? <if-true> : <if-false>` (about_Operators).
$n = 5
($n -gt 3) ? 'greater' : 'not greater'
# CHECK: greater
$n -lt 3 ? 'less' : 'not less'
# CHECK: not less
# Only the chosen branch is evaluated.
$calls = 0
$true ? 'left' : ($calls = 1)
$calls
# CHECK: left
# CHECK: 0
# The branches may be ternaries themselves (right-associative).
foreach ($count in 0, 1, 7) {
    $count -gt 1 ? 'many' : $count -eq 1 ? 'one' : 'none'
}
# CHECK: none
# CHECK: one
# CHECK: many
$label = $null ? 'set' : 'unset'
$label
# CHECK: unset
