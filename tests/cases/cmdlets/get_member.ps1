# Get-Member: strings and integers list .NET's members, sorted by member type, then name.
# (Format-Table gives each its own table: a script's output is otherwise one table.)
'abc' | Get-Member -Name Length, Chars | Format-Table
# CHECK:
# CHECK:    TypeName: System.String
# CHECK:
# CHECK: Name   MemberType            Definition
# CHECK: ----   ----------            ----------
# CHECK: Chars  ParameterizedProperty char Chars(int index) {get;}
# CHECK: Length Property              int Length {get;}
# CHECK:
5 | Get-Member -Name GetType, GetTypeCode | Format-Table
# CHECK:
# CHECK:    TypeName: System.Int32
# CHECK:
# CHECK: Name        MemberType Definition
# CHECK: ----        ---------- ----------
# CHECK: GetType     Method     type GetType()
# CHECK: GetTypeCode Method     System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()
# CHECK:
('abc' | Get-Member -MemberType Method).Count
# CHECK: 27
@{a = 1} | Get-Member -Name Count, Keys, Item | Format-Table
# CHECK:
# CHECK:    TypeName: System.Collections.Hashtable
# CHECK:
# CHECK: Name  MemberType            Definition
# CHECK: ----  ----------            ----------
# CHECK: Item  ParameterizedProperty System.Object Item(System.Object key) {get;set;}
# CHECK: Count Property              int Count {get;}
# CHECK: Keys  Property              System.Collections.ICollection Keys {get;}
# CHECK:
# Without an object, Get-Member says so.
$null | Get-Member
# CHECK: Get-Member: {file}:34
# CHECK: Line |
# CHECK:   34 |  $null | Get-Member
# CHECK:      |          ~~~~~~~~~~
# CHECK:      | You must specify an object for the Get-Member cmdlet.
