@"
here $name
"@
@'
literal $name
'@