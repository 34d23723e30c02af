# View a mailbox's client access settings (Get-CASMailbox, Example 1): the default
# view shows the protocols at a glance.
Get-CASMailbox "Jeff Hay"
