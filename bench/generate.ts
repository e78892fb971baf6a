// Seeded generator of realistic key-account plans (../../shared/spec/plan-format.md) for the benchmark:
// every section, Chinese and English text, comments, valid references, and the few findings a
// real plan carries (an unanswered feedback, an action without a budget). The same seed and size
// always give the same text, so runs and machines compare.
//
//   node out/bench/generate.js [DIR]    writes the bench files (default: the cache folder below)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The sizes measured, in lines; the workspace is 1,000 plans of the smallest. */
export const SIZES = [300, 5_000, 30_000, 100_000] as const;
export const WORKSPACE_PLANS = 1_000;
export const WORKSPACE_PLAN_LINES = 300;

/** Bump when the output changes, so a cached set is not reused. */
const GENERATOR_VERSION = 1;

/** Where the generated files live: outside the repository, reused between runs. */
export const BENCH_DIR = path.join(os.tmpdir(), `kam-plan-bench-v${GENERATOR_VERSION}`);

/** mulberry32: small, fast and good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = 'zh' | 'en';

const WORDS = {
  zh: {
    surnames: '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
    given: ['伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '慧', '建国', '志刚', '海燕', '晓东', '文博', '子涵'],
    titles: ['院长', '副院长', '药剂科主任', '内分泌科主任', '心内科主任', '采购办主任', '医务处处长', '信息科主任', '财务处处长', '护理部主任', '临床药师', '科室秘书'],
    units: ['院长办公室', '药剂科', '内分泌科', '心内科', '采购办', '医务处', '信息科', '财务处', '护理部', '检验科', '肿瘤科', '呼吸科'],
    texts: [
      '省级医保基金压力加大，明年药品预算零增长。',
      '第九批国家集采覆盖两个竞品分子。',
      '卫健委新主任到任，重视合理用药考核。',
      '辖区老龄化，慢病患者每年增加约 5%。',
      '两家原研企业与三家仿制药企业竞争，竞品以价格取胜。',
      '区域诊疗中心，门诊量全市第一。',
      '中标价格锁定至明年六月，利润空间收窄。',
      '药事委员会每季度开会，通过省级平台采购。',
      '对配送商的及时率不满，希望改进供应保障。',
      'DRG 试点让医院从关注单价转向关注整体治疗费用。',
      '信息化建设提速，处方数据可以按月导出。',
      '竞品在集采中标后大幅降价，价格压力持续。',
    ],
    interests: ['医院声誉', 'DRG 准备情况', '药占比', '供应稳定', '回款周期', '日治疗费用', '患者满意度', '学科建设', '科研合作'],
    drivers: ['DRG 控费压力', '学科声誉', '国家集中带量采购', '药占比考核', '患者达标率', '配送及时率'],
    goals: [
      '将我方在医院降糖药支出中的份额从 {b}% 提升到 {t}%',
      '新制剂进院，月销量达到 {t} 盒',
      '心内科处方量同比增长 {t}%',
      '保持药剂科采购金额在 {t} 万元以上',
    ],
    actions: ['向院长汇报达标率研究结果', '向药事委员会提交进院资料', '组织科室学术会议', '拜访采购办确认回款安排', '安排临床药师培训', '提交整体费用测算报告'],
    places: ['院长办公室', '药剂科', '学术报告厅', '采购办', '医院会议室', '线上会议'],
    measures: ['每月医院药房数据中的份额', '药事委员会决议与首单', '季度处方量报告', '采购订单金额'],
    status: ['按计划进行', '略有滞后', '已完成'],
    said: ['希望看到达标率的证据，而不是谈价格。', '关心供应是否稳定。', '需要整体费用的测算数据。', '希望有更多学术支持。'],
    responses: ['已约定一月汇报研究结果。', '已提供配送保障方案。', '已提交测算报告。', '已安排学术会议。'],
    team: ['医学部 王医生', '重点客户总监', '市场部 李经理', '区域经理'],
    positioning: '降低整体治疗费用的合作伙伴。',
    core: '用医院自己的数据证明整体费用更低，并保证供应。',
    comments: ['# 待确认', '# 上次拜访后更新', '# 需要跟进', '# 来自季度复盘'],
  },
  en: {
    surnames: ['Zhao', 'Chen', 'Wang', 'Li', 'Smith', 'Berg', 'Novak', 'Garcia', 'Muller', 'Rossi', 'Kim', 'Sato', 'Brown', 'Lopez', 'Ivanova', 'Olsen'],
    given: ['Min', 'Hua', 'Anna', 'Peter', 'Maria', 'John', 'Lena', 'Omar', 'Sofia', 'David', 'Mei', 'Tom', 'Ines', 'Paul'],
    titles: ['President', 'Vice president', 'Head of pharmacy', 'Head of cardiology', 'Procurement director', 'Medical director', 'CIO', 'CFO', 'Head nurse', 'Clinical pharmacist'],
    units: ["President's office", 'Pharmacy department', 'Cardiology department', 'Procurement office', 'Medical affairs', 'IT department', 'Finance', 'Nursing', 'Laboratory', 'Oncology'],
    texts: [
      'Provincial budget for hospitals flat next year; volume-based procurement widening.',
      'Volume-based procurement round 9 includes two competitor molecules.',
      'New health-bureau director appointed in September.',
      'Ageing catchment; hypertension prevalence up 3% a year.',
      'Two originators and four generics compete; the leader wins on price.',
      'Regional referral centre with the largest outpatient volume in the city.',
      'Tender price fixed until June; margin pressure on originators.',
      'Pharmacy and therapeutics committee meets quarterly; tenders via the provincial platform.',
      'Complaints about late deliveries from two distributors.',
      'The DRG pilot shifts attention from unit price to total cost of care.',
      'Prescription data can now be exported monthly from the hospital system.',
      'A competitor cut its price sharply after winning the tender.',
    ],
    interests: ['reputation', 'DRG readiness', 'drug spend ratio', 'supply security', 'payment terms', 'cost per day', 'patient outcomes', 'research'],
    drivers: ['DRG cost control', 'Teaching-hospital reputation', 'Volume-based procurement', 'Pharmacy budget discipline', 'Patient outcomes', 'Distributor reliability'],
    goals: [
      'Raise our share of cardiology spend from {b}% to {t}%',
      'List the new combination product and sell {t} packs a month',
      'Grow prescriptions in cardiology by {t}% year on year',
      'Keep pharmacy purchasing above {t} thousand a year',
    ],
    actions: ['Present the outcome study to the president', 'Submit the formulary dossier', 'Run a department symposium', 'Confirm payment terms with procurement', 'Train the clinical pharmacists', 'Deliver the total-cost model'],
    places: ["President's office", 'Pharmacy', 'Lecture hall', 'Procurement office', 'Meeting room B', 'Video call'],
    measures: ['Monthly share in hospital pharmacy data', 'Committee decision and first order', 'Quarterly prescription report', 'Order value'],
    status: ['on track', 'slightly behind', 'done'],
    said: ['Wants proof of lower readmissions, not price talk.', 'Worried about supply security.', 'Needs the total-cost figures.', 'Asks for more scientific support.'],
    responses: ['Outcome study presentation booked for January.', 'Sent the distributor service plan.', 'Delivered the cost model.', 'Symposium scheduled.'],
    team: ['Medical affairs - Dr. Chen', 'Key-account director', 'Marketing - Li', 'Regional manager'],
    positioning: 'The partner that lowers the total cost of care.',
    core: "Prove lower total cost with the hospital's own data, and secure supply.",
    comments: ['# to confirm', '# updated after the last visit', '# follow up', '# from the quarterly review'],
  },
};

const ROLES = {
  zh: ['最高阶决策者', '提议者', '指导者', '执行者', '条件限制者', '影响者'],
  en: ['decision-maker', 'proposer', 'guide', 'implementer', 'constrainer', 'influencer'],
};
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'];
const DIRECTIONS = ['build-fast', 'build-steady', 'maintain'];
const METRICS = ['share', 'volume', 'growth', 'spend'];
const STAGES = ['proposal', 'negotiation', 'execution'];

/** Lines one growth step adds: a unit, a stakeholder, a goal with three actions, a control, a feedback entry. */
const LINES_PER_STEP = 61;
/** Lines of the fixed part (account, macro, micro, drivers, strategy, rescue network, comments). */
const FIXED_LINES = 114;

/** A plan of about `lines` lines (within a few percent); `seed` picks the names and the language mix. */
export function generatePlan(lines: number, seed: number): string {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const main: Lang = seed % 2 === 0 ? 'zh' : 'en';
  /** Most text in the plan's language, some in the other, as in a bilingual team. */
  const lang = (): Lang => (chance(0.8) ? main : main === 'zh' ? 'en' : 'zh');
  const w = WORDS[main];
  const out: string[] = [];
  const line = (text: string) => out.push(text);
  const list = (items: string[]) => `[${items.join(', ')}]`;
  const personName = (l: Lang) => {
    const words = WORDS[l];
    return l === 'zh' ? pick(words.surnames) + pick(words.given) : `${pick(words.given)} ${pick(words.surnames)}`;
  };
  const date = (year: number, month: number, day: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
  const steps = Math.max(1, Math.round((lines - FIXED_LINES) / LINES_PER_STEP));
  const team = [personName(main), personName(main), pick(w.team)];
  const stage = pick(STAGES);

  line(main === 'zh' ? `# 重点客户计划：第 ${seed} 号医院` : `# Key-account plan: hospital no. ${seed}`);
  line('# diagnosis -> forecast -> goals -> strategy -> actions -> controls -> feedback');
  line('kam: 1');
  line('');
  line('account:');
  line(`  name: ${main === 'zh' ? `第 ${seed} 人民医院` : `General Hospital ${seed}`}`);
  line(`  segment: ${main === 'zh' ? '三级甲等综合医院，床位 2,200 张' : 'Tertiary teaching hospital, 1,800 beds'}`);
  line(`  owner: ${team[0]}`);
  line(`  team: ${list(team)}`);
  line(`  stage: ${stage}`);
  line('  updated: 2026-11-18');
  line('  next_review: 2027-02-28');
  line('');

  line(main === 'zh' ? '# 诊断：我们现在处于什么位置？为什么？' : '# Diagnosis: where are we now, and why?');
  line('diagnosis:');
  line('  macro:');
  for (const key of ['economic', 'regulatory', 'political', 'demographic', 'other']) {
    if (chance(0.5)) line(`    ${key}: ${pick(WORDS[lang()].texts)}`);
    else {
      line(`    ${key}:`);
      for (let i = 0; i < 2; i++) line(`      - ${pick(WORDS[lang()].texts)}`);
    }
  }
  line('  micro:');
  for (const key of ['competition', 'market_position', 'pricing', 'purchasing', 'organization', 'supplier_relations']) {
    line(`    ${key}: ${pick(WORDS[lang()].texts)}`);
  }
  line('  drivers:');
  w.drivers.forEach((name, i) => {
    line(`    - name: ${name}`);
    line(`      kind: ${i % 2 === 0 ? 'external' : 'internal'}`);
    if (i === 4) line(`      note: ${pick(w.texts)}`);
  });

  // Units: a tree under the top office; stakeholders sit in them and report up the chain.
  line('  organization:');
  const units: string[] = [];
  for (let i = 0; i < steps; i++) {
    const id = `u${i + 1}`;
    line(`    - id: ${id}`);
    line(`      name: ${pick(WORDS[lang()].units)} ${i + 1}`);
    if (i > 0) line(`      parent: ${units[Math.floor(random() * units.length)]}`);
    units.push(id);
  }
  line('  stakeholders:');
  const people: string[] = [];
  const gatekeepers: string[] = [];
  for (let i = 0; i < steps; i++) {
    const l = lang();
    const id = `s${i + 1}`;
    line(`    - id: ${id}`);
    line(`      name: ${personName(l)}`);
    line(`      title: ${pick(WORDS[l].titles)}`);
    line(`      unit: ${units[i]}`);
    if (i > 0) line(`      reports_to: ${people[Math.floor(random() * people.length)]}`);
    // Every role is held: the first people share the six out (one each when there are six), the rest pick.
    const roles = ROLES[l];
    const held = i < 6 ? roles.filter((_, k) => k % Math.min(steps, 6) === i) : [...new Set([pick(roles), ...(chance(0.3) ? [pick(roles)] : [])])];
    line(`      roles: ${list(held)}`);
    line(`      stance: ${pick(STANCES)}`);
    line(`      influence: ${pick(['high', 'medium', 'low'])}`);
    if (i % 7 === 3) {
      line('      gatekeeper: true');
      gatekeepers.push(id);
    }
    line(`      interests: ${list([pick(WORDS[l].interests), pick(WORDS[l].interests)])}`);
    line(`      owner: ${pick(team)}`);
    line(`      last_contact: ${date(2026, 1 + (i % 10), 1 + (i % 27))}${chance(0.1) ? ` ${pick(WORDS[l].comments)}` : ''}`);
    people.push(id);
  }
  line('  financials:');
  line('    revenue: 5,100,000,000');
  line('    our_sales: 12,000,000');
  line('    share: 15%');
  line('    growth: 8%');
  line(`    notes: ${pick(w.texts)}`);
  line('');

  line(main === 'zh' ? '# 预测：我们能到达哪里？哪些因素变了？' : '# Forecast: where could we get; what has changed?');
  line('forecast:');
  for (const key of ['changes', 'opportunities', 'risks']) {
    line(`  ${key}:`);
    for (let i = 0; i < Math.max(1, Math.round(steps / 3)); i++) line(`    - ${pick(WORDS[lang()].texts)}`);
  }
  line('');

  line(main === 'zh' ? '# 目标：我们要去哪里？（SMART）' : '# Goals: where do we want to go? (SMART)');
  line('goals:');
  const goals: { id: string; year: number }[] = [];
  for (let i = 0; i < steps; i++) {
    const l = lang();
    const id = `g${i + 1}`;
    const baseline = 10 + Math.floor(random() * 20);
    const target = baseline + 1 + Math.floor(random() * 8);
    const year = 2027 + (i % 2);
    line(`  - id: ${id}`);
    line(`    statement: ${pick(WORDS[l].goals).replace('{b}', String(baseline)).replace('{t}', String(target))}`);
    line(`    direction: ${pick(DIRECTIONS)}`);
    line(`    metric: ${pick(METRICS)}`);
    line(`    baseline: ${baseline}%`);
    line(`    target: ${target}%`);
    line(`    deadline: ${date(year, 12, 31)}`);
    line(`    owner: ${pick(team)}`);
    goals.push({ id, year });
  }
  line('');

  line(main === 'zh' ? '# 策略：到达那里的最佳途径是什么？' : '# Strategy: the best way to get there');
  line('strategy:');
  line('  values:');
  for (const key of ['psychological', 'functional', 'economic']) line(`    ${key}: ${list([pick(w.interests), pick(w.interests)])}`);
  line(`  positioning: ${w.positioning}`);
  line(`  core: ${w.core}`);
  line('  swot:');
  for (const entry of ['own_product', 'own_company', 'competitor_product', 'competitor_company']) {
    line(`    ${entry}:`);
    for (const q of ['strengths', 'weaknesses', 'opportunities', 'threats']) line(`      ${q}: ${list([pick(w.interests), pick(w.drivers)])}`);
  }
  line('');

  // Three actions per goal, before its deadline, each with two people; the first ones reach the
  // decision-maker and every gatekeeper. One action in 50 has no budget yet (KAM501).
  line(main === 'zh' ? '# 行动：谁、做什么、在哪里、何时、花多少？' : '# Actions: who does what, where, when, for how much?');
  line('actions:');
  let n = 0;
  for (const goal of goals) {
    for (let k = 0; k < 3; k++) {
      const l = lang();
      n++;
      const withIds = n === 1 ? ['s1', people[people.length - 1]] : n - 2 < gatekeepers.length ? [gatekeepers[n - 2], pick(people)] : [pick(people), pick(people)];
      line(`  - id: a${n}`);
      line(`    what: ${pick(WORDS[l].actions)}`);
      line(`    who: ${pick(team)}`);
      line(`    with: ${list([...new Set(withIds)])}`);
      line(`    where: ${pick(WORDS[l].places)}`);
      line(`    when: ${date(goal.year, 1 + Math.floor(random() * 11), 1 + Math.floor(random() * 28))}`);
      if (n % 50 !== 7) line(`    budget: ${(1 + Math.floor(random() * 30)) * 1000}`);
      line(`    goal: ${goal.id}`);
      line(`    stage: ${stage}`);
      line(`    status: ${n % 5 === 0 ? 'done' : 'planned'}`);
      if (chance(0.05)) line(`    ${pick(WORDS[l].comments)}`);
    }
  }
  line('');

  line(main === 'zh' ? '# 控制：如何衡量和监控计划的进展？' : '# Controls: how is progress measured?');
  line('controls:');
  for (const goal of goals) {
    const l = lang();
    line(`  - goal: ${goal.id}`);
    line(`    measure: ${pick(WORDS[l].measures)}`);
    line(`    check: ${date(goal.year, 3 + Math.floor(random() * 9), 15)}`);
    line(`    status: ${pick(WORDS[l].status)}`);
  }
  line('');

  // One feedback entry in 20 is not answered yet (KAM602).
  line(main === 'zh' ? '# 反馈：客户怎么说？我们如何回应？' : '# Feedback: what did the account say, what did we answer?');
  line('feedback:');
  for (let i = 0; i < steps; i++) {
    const l = lang();
    line(`  - date: ${date(2026, 1 + (i % 10), 1 + (i % 28))}`);
    line(`    from: ${people[i]}`);
    line(`    said: ${pick(WORDS[l].said)}`);
    if (i % 20 !== 5) line(`    response: ${pick(WORDS[l].responses)}`);
  }
  line('');

  line(main === 'zh' ? '# 救援网络：各合约阶段谁能帮忙？' : '# Rescue network: who can help, per contract stage?');
  line('rescue_network:');
  for (const s of STAGES) {
    line(`  ${s}:`);
    line(`    internal: ${list([pick(w.team), pick(w.team)])}`);
    line(`    customer: ${list([personName(main)])}`);
    line(`    external: ${list([pick(w.team)])}`);
  }
  return out.join('\n') + '\n';
}

export interface BenchFiles {
  /** One plan per size, by its nominal line count. */
  plans: Map<number, string>;
  /** The folder of the 1,000-plan workspace. */
  workspace: string;
  /** Its files, sorted. */
  workspaceFiles: string[];
}

/** Writes (or finds, when already written by this generator version) every bench file under `dir`. */
export function ensureBenchFiles(dir = BENCH_DIR): BenchFiles {
  const plans = new Map<number, string>();
  for (const size of SIZES) {
    const file = path.join(dir, 'sizes', `plan-${size}.kam.yaml`);
    writeOnce(file, () => generatePlan(size, size));
    plans.set(size, file);
  }
  const workspace = path.join(dir, 'workspace');
  const workspaceFiles: string[] = [];
  for (let i = 0; i < WORKSPACE_PLANS; i++) {
    // Ten folders of a hundred, as an account team might file them.
    const file = path.join(workspace, `region-${Math.floor(i / 100)}`, `account-${String(i).padStart(4, '0')}.kam.yaml`);
    writeOnce(file, () => generatePlan(WORKSPACE_PLAN_LINES, 10_000 + i));
    workspaceFiles.push(file);
  }
  return { plans, workspace, workspaceFiles: workspaceFiles.sort() };
}

function writeOnce(file: string, make: () => string): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a temporary name: an interrupted run leaves no half file behind.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, make());
  fs.renameSync(temporary, file);
}

if (require.main === module) {
  const files = ensureBenchFiles(process.argv[2] ? path.resolve(process.argv[2]) : BENCH_DIR);
  for (const [size, file] of files.plans) {
    const text = fs.readFileSync(file, 'utf8');
    console.log(`${file}: ${text.split('\n').length - 1} lines, ${Buffer.byteLength(text)} bytes (nominal ${size})`);
  }
  console.log(`${files.workspace}: ${files.workspaceFiles.length} plans`);
}
