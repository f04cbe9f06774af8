-- Fixes for what the fuzzers (tests/integration/fuzz) found in functions of earlier files.
--
-- 1. public.consultation_results(uuid): a coordinator asking for a consultation that does not
--    exist got HTTP 500, because the function raised SQLSTATE P0002 (no_data_found), which
--    PostgREST (and the local backend) answer with 500 — a server fault the client retries
--    forever. It now raises PT404, PostgREST's way of saying 404 Not Found, with the same
--    message. The function's source is patched in place rather than copied here, so that a
--    later edit of its body in its own file is never reverted by this one; once that file
--    raises PT404 itself, this block finds nothing to change.
do $$
declare
  fn regprocedure := to_regprocedure('public.consultation_results(uuid)');
  src text;
begin
  if fn is null then
    return;
  end if;
  src := pg_get_functiondef(fn);
  if src like '%errcode = ''P0002''%' then
    execute replace(src, 'errcode = ''P0002''', 'errcode = ''PT404''');
  end if;
end
$$;
