# ConvertTo-Html writes pwsh's markup line by line: the XHTML page (-Title, -Head,
# -Body, -CssUri, -Meta, -Charset), the table from the first object's properties,
# values HTML-encoded, -Fragment, -PreContent/-PostContent, -As List, -Property with
# calculated columns (Label, Width, Alignment).
$rows = [pscustomobject]@{ Name = 'Ken & Pat'; Size = 3; Tags = @('a', 'b') },
        [pscustomobject]@{ Name = '<Admin>'; Size = $null; Tags = 'x' }
$rows | ConvertTo-Html -Title 'Mailboxes' -PreContent '<h1>Report</h1>' -PostContent '<p>Done</p>'
# CHECK: <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
# CHECK: <html xmlns="http://www.w3.org/1999/xhtml">
# CHECK: <head>
# CHECK: <title>Mailboxes</title>
# CHECK: </head><body>
# CHECK: <h1>Report</h1>
# CHECK: <table>
# CHECK: <colgroup><col/><col/><col/></colgroup>
# CHECK: <tr><th>Name</th><th>Size</th><th>Tags</th></tr>
# CHECK: <tr><td>Ken &amp; Pat</td><td>3</td><td>System.Object[]</td></tr>
# CHECK: <tr><td>&lt;Admin&gt;</td><td></td><td>x</td></tr>
# CHECK: </table>
# CHECK: <p>Done</p>
# CHECK: </body></html>
$rows | ConvertTo-Html -Fragment -Property Name, @{ Label = 'Bigger'; Expression = { $_.Size * 2 }; Width = 10; Alignment = 'Right' }
# CHECK: <table>
# CHECK: <colgroup><col/><col width = "10" align = "right"/></colgroup>
# CHECK: <tr><th>Name</th><th>Bigger</th></tr>
# CHECK: <tr><td>Ken &amp; Pat</td><td>6</td></tr>
# CHECK: <tr><td>&lt;Admin&gt;</td><td></td></tr>
# CHECK: </table>
$rows | ConvertTo-Html -As List -Fragment -Property Name, Size
# CHECK: <table>
# CHECK: <tr><td>Name:</td><td>Ken &amp; Pat</td></tr>
# CHECK: <tr><td>Size:</td><td>3</td></tr>
# CHECK: <tr><td><hr></td></tr>
# CHECK: <tr><td>Name:</td><td>&lt;Admin&gt;</td></tr>
# CHECK: <tr><td>Size:</td><td></td></tr>
# CHECK: </table>
$style = '<style>td { padding: 2px }</style>'
$html = $rows | Select-Object Name | ConvertTo-Html -Head $style -CssUri 'report.css' -Charset 'utf-8' -Meta @{ author = 'admin' } -Body '<h2>Users</h2>'
$html[2..8]
# CHECK: <head>
# CHECK: <meta charset="utf-8">
# CHECK: <meta name="author" content="admin">
# CHECK: <style>td { padding: 2px }</style>
# CHECK: <link rel="stylesheet" type="text/css" href="report.css" />
# CHECK: </head><body>
# CHECK: <h2>Users</h2>
'short', 'longer' | ConvertTo-Html -Fragment | Select-Object -Skip 2 -First 3
# CHECK: <tr><th>Length</th></tr>
# CHECK: <tr><td>5</td></tr>
# CHECK: <tr><td>6</td></tr>
