# Pipeline input that binds to no parameter is a non-terminating error per object.
function Need-Number {
    param([Parameter(ValueFromPipeline)][int]$N)
    process { "got $N" }
}
1, 'x', 3 | Need-Number
# CHECK: got 1
# CHECK: Need-Number: {file}:6
# CHECK: Line |
# CHECK:    6 |  1, 'x', 3 | Need-Number
# CHECK:      |              ~~~~~~~~~~~
# CHECK:      | The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.
# CHECK: got 3
