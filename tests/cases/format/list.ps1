# Format-List: one blank line first, each object followed by a blank line (so two
# blank lines between two Format-List commands); labels padded
# to the longest label of that object, then " : "; $null is empty; collections cut after
# $FormatEnumerationLimit (4) items with an ellipsis; nested objects by their string form;
# a value's further lines indented under its first.
[pscustomobject]@{Name='Ken Sanchez'; MapiEnabled=$false} | Format-List
[pscustomobject]@{A=1; Longer=2}, [pscustomobject]@{B=$null; Ids=0..5} | Format-List
[pscustomobject]@{Inner=[pscustomobject]@{A=1; B='two'}; Two=1, 2} | Format-List
[pscustomobject]@{Note="one`ntwo"} | Format-List
