// Synthetic workers over Banten's kecamatan for benchmarks, inserted set-based (generate_series)
// in 24 monthly and 30 daily batches with the database clock set to each, so the aggregate
// triggers fill the monthly and daily tables as real use over two years would.
export async function loadSyntheticWorkers(sql, total) {
  const [{ n: have }] = await sql`select count(*)::int as n from workers`;
  const need = total - have;
  if (need <= 0) return;
  await sql`create table if not exists bench_districts as
    select row_number() over (order by d.code) - 1 as idx, d.code, d.regency_code, (select min(v.code) from villages v where v.district_code = d.code) as village,
           (select r.id from regulations r where r.regency_code = d.regency_code and r.status = 'enacted' order by r.id limit 1) as reg
      from districts d where d.code like '36.%'`;
  // Every Banten area gets a regulation in force, with room for the synthetic holders.
  await sql`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
    select g.code, 'perbup', 'kabkota', 'Bench ' || g.code, 'Regulasi sintetis ' || g.name, 'enacted', '2024-01-01', 2000000, 216, 779, '2024-01-01'
      from regencies g where g.province_code = '36' and not exists (select 1 from regulations r where r.regency_code = g.code and r.status = 'enacted')`;
  await sql`update regulations set quota = greatest(quota, 2000000) where regency_code like '36.%' and status = 'enacted'`;
  await sql`update bench_districts b set reg = (select r.id from regulations r where r.regency_code = b.regency_code and r.status = 'enacted' order by r.id limit 1)`;
  const [{ nd }] = await sql`select count(*)::int as nd from bench_districts`;
  const occ = (await sql`select id from occupations order by id`).map((r) => r.id);
  // 24 monthly batches and the last 30 days, so the monthly and daily tables fill as in real use.
  const now = Date.now();
  const stamps = [...Array.from({ length: 24 }, (_, i) => now - (i + 1) * 30.4 * 86_400_000), ...Array.from({ length: 30 }, (_, i) => now - i * 86_400_000)];
  const per = Math.ceil(need / stamps.length);
  let offset = have + 1_000_000_0;
  for (const at of stamps) {
    await sql.begin(async (tx) => {
      await tx`select set_config('portal.as_of', ${new Date(at).toISOString()}, true)`;
      await tx`insert into workers (nik, name, birth_date, sex, address, regency_code, district_code, village_code, occupation_id, status, regulation_id,
          submitted_at, kpj_number, coverage_start, ended_on, source, created_at)
        select '36' || lpad((${offset} + g)::text, 14, '0'), 'Sintetis ' || (${offset} + g), date '1962-01-01' + ((g * 7919) % 15000),
          case when g % 2 = 0 then 'L' else 'P' end, 'Jl. Sintetis', d.regency_code, d.code, d.village, (${occ}::int[])[1 + g % ${occ.length}],
          s.status::worker_status, case when s.status in ('diajukan', 'diverifikasi', 'aktif') then d.reg end,
          case when s.status <> 'draft' then ${new Date(at).toISOString()}::timestamptz end,
          case when s.status = 'aktif' then 'B' || (${offset} + g) end, case when s.status = 'aktif' then ${new Date(at).toISOString()}::date end,
          case when s.status = 'berakhir' then ${new Date(at).toISOString()}::date end,
          'dtks_desil_1_2', ${new Date(at).toISOString()}::timestamptz
        from generate_series(1, ${per}) g
        join bench_districts d on d.idx = g % ${nd}
        cross join lateral (select (array['aktif','aktif','aktif','aktif','aktif','aktif','aktif','aktif','aktif','aktif','diverifikasi','diverifikasi','diverifikasi','diajukan','diajukan','diajukan','daftar_tunggu','draft','ditolak','berakhir'])[1 + g % 20] as status) s`;
    });
    offset += per;
  }
  await sql`update regulations r set counted = (select count(*) from workers w where w.regulation_id = r.id) where r.regency_code like '36.%'`;
  await sql`vacuum analyze`;
}

// Contribution histories for every aktif synthetic worker, so the "Kepesertaan dan iuran" panel
// reads an agg_contribution as varied as real use: from the coverage start's month, 70% paid
// through last month or this one, 15% two or three months behind, 10% stopped six months ago
// (nonaktif), 5% with a reversed month in the middle. The months go straight into paid_months with
// its foreign keys and triggers off (session_replication_role = replica: the benchmark has no
// bills), then refresh_contributions() builds the summaries and their rollup exactly as a
// confirmation does. Rebuilt whole at each size.
export async function loadSyntheticContributions(sql) {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx`delete from paid_months where nik like '36%' and bill_line_id = 0`;
    await tx`insert into paid_months (nik, month, bill_line_id, part_id, confirmed_on)
      select w.nik, m::date, 0, 0, m::date + 10
        from workers w
        cross join lateral (select abs(hashtext(w.nik)) % 100 as k) h
        cross join lateral generate_series(date_trunc('month', w.coverage_start),
             date_trunc('month', portal_today()) - make_interval(months => case when h.k < 35 then 0 when h.k < 70 then 1 when h.k < 80 then 2 when h.k < 85 then 3 when h.k < 95 then 6 else 0 end),
             interval '1 month') m
       where w.status = 'aktif' and w.name like 'Sintetis %' and w.coverage_start is not null
         and not (h.k >= 95 and m = date_trunc('month', w.coverage_start) + interval '2 month')
      on conflict do nothing`;
  });
  await sql`select refresh_contributions(array(select nik from workers where status = 'aktif' and name like 'Sintetis %'))`;
  await sql`vacuum analyze paid_months, person_contributions, agg_contribution`;
}
