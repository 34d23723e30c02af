# Without param(), the arguments are in $args.
# ARGS: first second
"$($args.Count): $args"
# CHECK: 2: first second
