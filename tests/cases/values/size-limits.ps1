# Growing a string or an array past the size limit (256 MiB) is pwsh's
# OutOfMemoryException, whatever the way: catchable, refused before it is built, the
# process goes on and every length stays exact.
$s = 'x' * 70MB
try { while ($true) { $s += $s } } catch { $_.Exception.Message }
$s.Length
# CHECK: Exception of type 'System.OutOfMemoryException' was thrown.
# CHECK: 146800640
try { 'ab' * 200MB } catch { $_.Exception.Message }
try { (, $s * 2) -join '' } catch { $_.Exception.Message }
try { "$s and $s" } catch { $_.Exception.Message }
try { ('y' * 1KB) -replace 'y', ('z' * 1MB) } catch { $_.Exception.Message }
try { '{0:D300000000}' -f 7 } catch { $_.Exception.Message }
try { , 0 * 50MB } catch { $_.Exception.Message }
try { $numbers = 1..50MB } catch { $_.Exception.Message }
# CHECK: Exception of type 'System.OutOfMemoryException' was thrown.
# CHECK: Exception of type 'System.OutOfMemoryException' was thrown.
# CHECK: Exception of type 'System.OutOfMemoryException' was thrown.
# CHECK: Exception of type 'System.OutOfMemoryException' was thrown.
# CHECK: Exception of type 'System.OutOfMemoryException' was thrown.
# CHECK: Exception of type 'System.OutOfMemoryException' was thrown.
# CHECK: Exception of type 'System.OutOfMemoryException' was thrown.

# .NET methods report it as pwsh reports a method's exception.
try { $s.PadLeft(300MB, '*') } catch { $_.Exception.Message }
try { [string]::Join(',', $s, $s) } catch { $_.Exception.Message }
$s = $null
$big = , 0 * 4.5MB
try { $big.AddRange($big) } catch { $_.Exception.Message }
$big.Count
# CHECK: Exception calling "PadLeft" with "2" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."
# CHECK: Exception calling "Join" with "3" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."
# CHECK: Exception calling "AddRange" with "1" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."
# CHECK: 4718592

# Uncaught, it stops the statement and the script goes on.
'x' * 1GB
'still running'
# CHECK: OutOfMemoryException: {file}:37
# CHECK: Line |
# CHECK:   37 |  'x' * 1GB
# CHECK:      |  ~~~~~~~~~
# CHECK:      | Exception of type 'System.OutOfMemoryException' was thrown.
# CHECK: still running
