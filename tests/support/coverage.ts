/**
 * Coverage spans replayed from worker_events alone (independent of the coverage trigger): a span
 * opens at an event that leaves the worker aktif under a regulation it was not aktif under just
 * before (from the event's effective day: coverage start, or the day of a move), and closes at the
 * next event that leaves them no longer aktif under it: an ending on its effective day, anything
 * else the day before. A span closed before it opened never existed.
 */
export const AKTIF_SPANS_FROM_HISTORY = `
  with ev as (select e.*, lag(e.to_status) over w as prev_status, lag(e.regulation_id) over w as prev_reg
                from worker_events e window w as (partition by e.worker_id order by e.at, e.id)),
  opens as (select ev.* from ev where ev.to_status = 'aktif' and ev.regulation_id is not null
              and (ev.prev_status is distinct from 'aktif' or ev.prev_reg is distinct from ev.regulation_id))
  select o.worker_id, o.regulation_id, w.regency_code, o.effective_on as starts_on,
         case when c.to_status = 'berakhir' then c.effective_on else c.effective_on - 1 end as ends_on
    from opens o join workers w on w.id = o.worker_id
    left join lateral (select x.to_status, x.effective_on from worker_events x where x.worker_id = o.worker_id and (x.at, x.id) > (o.at, o.id)
                         and (x.to_status <> 'aktif' or x.regulation_id is distinct from o.regulation_id) order by x.at, x.id limit 1) c on true
   where c.to_status is null or (case when c.to_status = 'berakhir' then c.effective_on else c.effective_on - 1 end) >= o.effective_on`;
