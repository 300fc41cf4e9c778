-- Custom migration (seed rows): drizzle-kit does not write data, so this file is hand-written.
-- The ERP catalogue of SPEC §4 (administrators may add more).
INSERT OR IGNORE INTO erps (id, label, api_key_support, ordre) VALUES
  ('gesti', 'Gesti', 1, 1),
  ('ymag', 'Ypareo', 1, 2),
  ('scform', 'SC Form', 1, 3),
  ('aimaira', 'Aimaira', 1, 4),
  ('filiz', 'Filiz', 1, 5),
  ('hyperplanning', 'Hyperplanning', 1, 6),
  ('gescicca', 'Gescicca (CNAM)', 1, 7),
  ('charlemagne', 'Charlemagne', 1, 8),
  ('formasup-hdf', 'Formasup HDF', 1, 9),
  ('formasup', 'Formasup', 0, 10),
  ('fcamanager', 'FCA Manager', 0, 11);
