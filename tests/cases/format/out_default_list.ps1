# Out-Default: objects with 5 or more properties print as a list.
[pscustomobject]@{A=1; B=2; C=3; D=4; E=5}
[pscustomobject]@{LongerName='x'; B=2; C=3; D=4; E=5}
# CHECK:
# CHECK: A : 1
# CHECK: B : 2
# CHECK: C : 3
# CHECK: D : 4
# CHECK: E : 5
# CHECK:
# CHECK: LongerName : x
# CHECK: B          : 2
# CHECK: C          : 3
# CHECK: D          : 4
# CHECK: E          : 5
# CHECK:
