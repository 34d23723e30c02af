'User07@contoso.com' -match '^user(?<n>\d+)@(?!fabrikam)'; $Matches.n
'a-b-c' -replace '(?<!^a)-', '+'
