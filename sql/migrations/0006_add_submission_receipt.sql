-- A resident has no account; the device that sent a submission keeps a random receipt and may ask
-- what became of it (published, or not published and why). Only a hash of the receipt is stored.
ALTER TABLE resident_submission ADD COLUMN receipt_hash text;
CREATE UNIQUE INDEX resident_submission_receipt_idx ON resident_submission (receipt_hash) WHERE receipt_hash IS NOT NULL;
