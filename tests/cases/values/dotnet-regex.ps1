# The .NET regular expressions admins copy: backreferences, look-ahead and look-behind,
# named groups, inline options, .NET's replacement syntax and group numbering.
'hello' -match '(l)\1'
$Matches[0]
# CHECK: True
# CHECK: ll
'mailbox01@contoso.com' -match '^(?<alias>[^@]+)@(?<domain>.+)$'
"$($Matches.alias) at $($Matches.domain)"
# CHECK: True
# CHECK: mailbox01 at contoso.com
"<b>bold</b>" -match '<(?<tag>\w+)>.*</\k<tag>>'
# CHECK: True
'a1' -match "(?'letter'[a-z])(\d)"
"$($Matches[1]) $($Matches.letter)"
# CHECK: True
# CHECK: 1 a
'Smith, John' -replace '(?<last>\w+), (?<first>\w+)', '${first} ${last}'
# CHECK: John Smith
'Ken Sanchez' -replace '(\w+) (\w+)', '$2 ($1) $$5 [$&]'
# CHECK: Sanchez (Ken) $5 [Ken Sanchez]
'price 100 EUR, 200 USD' -replace '\d+(?= USD)', 'N'
# CHECK: price 100 EUR, N USD
'ab12cd34' -replace '(?<=[a-z])(?=\d)', '-'
# CHECK: ab-12cd-34
'TEST' -cmatch '(?i)test'
# CHECK: True
'one two  three' -split '(?<=o)\s+'
# CHECK: one two
# CHECK: three
'a.b.c' -split '.', 0, 'SimpleMatch'
# CHECK: a
# CHECK: b
# CHECK: c
switch -Regex ('User07@contoso.com') {
    '^user(?<n>\d+)@(?!fabrikam)' { "user number $($Matches.n)" }
}
# CHECK: user number 07
$m = [regex]::Match('2024-05-17', '(?<year>\d{4})-(?<month>\d\d)-(\d\d)')
"$($m.Groups['month'].Value) $($m.Groups[1].Value) $(($m.Groups | ForEach-Object Name) -join ',')"
# CHECK: 05 17 0,1,year,month
[regex]::Replace('a-b-c', '(?<!^a)-', '+')
# CHECK: a-b+c
[regex]::Escape('Ken Sanchez (HR) #1')
# CHECK: Ken\ Sanchez\ \(HR\)\ \#1

# A runaway pattern stops at the match bound with .NET's RegexMatchTimeoutException
# message, and try/catch catches it.
try {
    ('a' * 40 + '!') -match '^(\w+\s?)*\1$'
} catch {
    $_.Exception.Message
}
# CHECK: The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.
