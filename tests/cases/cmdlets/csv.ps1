# ConvertTo-Csv (pwsh 7): a header from the first object, every field quoted, no #TYPE
# line; ConvertFrom-Csv reads rows back as objects of strings.
$people = [pscustomobject]@{Name='Ken'; Note='says "hi"'}, [pscustomobject]@{Name='Amy'; Note=$null}
$people | ConvertTo-Csv
# CHECK: "Name","Note"
# CHECK: "Ken","says ""hi"""
# CHECK: "Amy",""
$people | ConvertTo-Csv -UseQuotes AsNeeded -Delimiter ';'
# CHECK: Name;Note
# CHECK: Ken;"says ""hi"""
# CHECK: Amy;
$rows = 'Name,Age', 'Ken,40', 'Amy,31' | ConvertFrom-Csv
$rows[1].Name
# CHECK: Amy
$rows[0].Age.GetType().Name
# CHECK: String
