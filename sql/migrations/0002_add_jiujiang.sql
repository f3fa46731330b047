-- Jiujiang (九江市, 360400), the first city. Its survey CRS, CGCS2000 3-degree Gauss-Kruger CM 117E
-- (EPSG:4548), is also where distances are measured: near 116°E its scale error is about 1e-4.
INSERT INTO city (code, name, name_en, metric_srid, extent, centre, default_zoom) VALUES (
  '360400', '九江市', 'Jiujiang', 4548,
  ST_MakeEnvelope(113.90, 28.65, 116.95, 30.10, 4326),
  ST_SetSRID(ST_MakePoint(115.995, 29.712), 4326),
  13
);
