-- Schema version 2, as released: indexes for every identity form, so resolving an
-- identity never scans.

CREATE INDEX recipients_exchange_guid ON recipients("ExchangeGuid");
CREATE INDEX recipients_sam ON recipients("SamAccountName");
CREATE INDEX recipients_legacy_dn ON recipients("LegacyExchangeDN");
