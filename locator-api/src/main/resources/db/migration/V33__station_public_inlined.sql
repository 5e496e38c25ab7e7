-- station_public was declared IMMUTABLE, but jsonb_build_object and to_jsonb are STABLE (a timestamptz
-- is written in the session's time zone), and PostgreSQL inlines a SQL function only when its body
-- is no more volatile than its label. So every change-feed entry called it as a function: 14.5 s for
-- 10^6 stations against 5.3 s inlined (docs/SCALING.md, "Import, session 14"). Same body, honest label:
-- same JSON, byte for byte. Nothing indexes it, so nothing needs it immutable.
CREATE OR REPLACE FUNCTION station_public(code text, name text, name_en text, address text, location geography,
                                          adcode text, host_type text, host_organisation text, contact_phone text,
                                          opening_hours text, amenities varchar[], status text, status_reason text,
                                          floor_area double precision, updated_at timestamptz, version bigint)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'code', code, 'name', name, 'nameEn', name_en, 'address', address,
        'lat', ST_Y(location::geometry), 'lng', ST_X(location::geometry),
        'adcode', adcode, 'hostType', host_type, 'hostOrganisation', host_organisation,
        'contactPhone', contact_phone, 'openingHours', opening_hours, 'amenities', to_jsonb(amenities),
        'status', status, 'statusReason', status_reason, 'floorArea', floor_area,
        'updatedAt', updated_at, 'version', version)
$$;
