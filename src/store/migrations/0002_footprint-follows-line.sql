-- A footprint was computed from its line's figures: when the line is rewritten, the old
-- footprint goes, and the writer stores the new one (if any) right after.
CREATE TRIGGER IF NOT EXISTS cost_lines_rewrite_drops_footprint
AFTER UPDATE ON cost_lines
BEGIN
  DELETE FROM footprints WHERE cost_line_id = NEW.id;
END;
