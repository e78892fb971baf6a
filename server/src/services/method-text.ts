// What the plan's keys, roles and values mean in the KAM method, in English and in the course's own
// Chinese (shared/method/kam-method.md and course-zh.txt). Hover and completion read it; it is data.
// The terms themselves (a key's name, a role's orientation) are the vocabulary's.
import type { Role } from '../engine/roles';
import type { Text } from '../engine/types';
import { text } from '../engine/vocabulary';
import { courseTerm, KEY_TERMS } from '../engine/vocabulary';

interface KeyEntry {
  /** What the key holds, in Chinese; the English is the schema's description. */
  zh: string;
  /** Its place in the KAM method: what it is for, the question it answers. */
  method?: Text;
}

/** The course's term for the key (诊断, 关卡者, …), shown beside the key in both locales: the vocabulary's. */
export interface KeyText extends KeyEntry {
  term: string;
}

export interface RoleText {
  /** How to recognise the person who holds the role. */
  recognise: Text;
  /** What that kind of person usually cares about. */
  caresAbout: Text;
}

/**
 * Keys are found by their path's trailing keys, the longest written here first
 * (`stakeholders.name` before `name`); `financials.*` stands for the figures a plan names itself.
 */
const keys: Record<string, KeyEntry> = {
  kam: { zh: '本文件的格式版本，固定为 1。' },

  account: {
    zh: '重点客户本身：是谁、由谁负责、合约处于哪个阶段。',
    method: text(
      'One plan per key account. Key-account selling is value-based: both sides look for how to create value together — solve the customer’s business problems, meet both sides’ needs, make a profit.',
      '每个重点客户一份计划。重点客户销售是以价值为主的销售：买卖双方探究如何共同实现价值——解决客户业务问题、满足互相的需求、提供利润。',
    ),
  },
  'account.name': { zh: '客户的名称。' },
  segment: { zh: '客户所属的细分市场或类型，如三级甲等教学医院。' },
  'account.owner': { zh: '负责这份计划的客户经理。' },
  team: { zh: '在这个客户上工作的我方人员。' },
  stage: {
    zh: '合约所处的阶段：提案、谈判或执行（合约循环）。',
    method: text(
      'The contract cycle: proposal → negotiation → execution. Most key accounts need a long selling cycle with many “no”s: 60% of customers say no at least four times before yes. The customer buys a relationship with you and your company, not only a product.',
      '合约循环：提案阶段 → 谈判阶段 → 执行阶段。大多数重点客户需要较长的销售循环，其中肯定有许多“不”：60% 的客户在说“好”之前至少会说四次“不”。客户不只是购买产品，也在购买与你和你公司的关系。',
    ),
  },
  updated: { zh: '计划最近一次更新的日期（YYYY-MM-DD）。' },
  next_review: {
    zh: '下次回顾计划的日期（YYYY-MM-DD）。',
    method: text(
      'Control needs set dates, written into the plan — not vague hopes.',
      '控制需要特定的日期，写进计划——而非笼统的希望。',
    ),
  },

  diagnosis: {
    zh: '重要客户情势分析，共六部分：宏观因素、微观因素、业务驱动因素、组织的架构、关键决策者、财务分析。',
    method: text(
      'Where are we now? Why? How did we get here? Who are our key accounts, and what do they want? Who are our competitors, and how do they serve our customers?',
      '我们现在身处何处？为什么？我们如何到了这里？谁是我们的重点客户，他们要什么？谁是我们的竞争者以及他们如何服务我们的客户？',
    ),
  },
  macro: {
    zh: '影响客户的宏观因素：经济因素、法规因素、政治情势、人口与心理因素及其他外在影响。',
    method: text(
      'Ask: what is the biggest problem in the customer’s business? How will coming regulations affect them? Will a change of leadership at the health bureau? Will inflation?',
      '问题思考：在客户的业务中最大的问题是什么？即将生效的法规将会如何影响我的客户？卫生局领导换届是否会影响到我的客户？通货膨胀会影响到我的客户吗？',
    ),
  },
  'macro.economic': { zh: '经济前景、预算、通货膨胀、资金成本。' },
  regulatory: { zh: '即将生效的法规及其对客户的影响。' },
  political: { zh: '政治情势，如卫生局领导换届。' },
  demographic: { zh: '客户相关的人口与心理因素。' },
  'macro.other': { zh: '其他直接或间接影响客户的外在因素。' },
  micro: {
    zh: '客户所在的行业及其自身业务：业界竞争、市场地位、定价/利润、采购/签约、组织、供应商关系。',
    method: text(
      'Ask: who is the customer’s biggest competitor? The greatest strengths and weaknesses of both? What do they complain about or refuse most in our service, and in suppliers generally? Management’s top goals? Their five-year trend? The three best things they do for their own customers? Their biggest customer?',
      '问题思考：客户最大的竞争者是谁？这个客户和这个竞争者的最大弱点和长处是什么？客户对我们的服务最常抱怨和拒绝的是什么？他们对供应商最常出现的抱怨是什么？客户管理层的最高目标是什么？客户五年的发展趋势是什么？客户服务他的客户三个最佳的地方是什么？客户最大的客户是谁？',
    ),
  },
  competition: { zh: '业界竞争：客户最大的竞争者是谁，双方的长处与弱点。' },
  market_position: { zh: '客户在市场中的地位及其发展趋势。' },
  pricing: { zh: '定价与利润。' },
  purchasing: { zh: '客户如何采购与签约。' },
  'micro.organization': { zh: '客户的组织方式，以及管理层的最高目标。' },
  supplier_relations: { zh: '与供应商的关系：客户最常抱怨或拒绝的是什么。' },
  drivers: {
    zh: '决定客户竞争能力的 5~6 项最重要因素，分内部的与外部的。',
    method: text(
      'Find the 5 to 6 most important factors, internal and external, that decide the customer’s competitiveness in its market: the plan should serve them.',
      '找出 5~6 项会影响客户在市场上的竞争能力的最重要因素：内部的、外部的。计划应为它们服务。',
    ),
  },
  'drivers.id': { zh: '驱动因素的 id，在驱动因素中唯一；目标用 `drivers` 引用它。' },
  'drivers.name': { zh: '这项驱动因素是什么。' },
  kind: { zh: '因素在客户内部（internal）还是外部（external）。' },
  note: { zh: '这项因素为何重要。' },
  'diagnosis.organization': {
    zh: '客户的各个部门及其隶属关系。',
    method: text(
      'Know how the organisation is built to know how it decides: sell to the top, and communicate upward, not downward.',
      '了解客户的组织如何构成，才能了解它如何决策：向最高阶管理者销售，向上交流，而非向下。',
    ),
  },
  'organization.id': { zh: '部门的 id，在文件中唯一；关键人物用 `unit` 引用它。' },
  'organization.name': { zh: '部门的名称，如药剂科。' },
  parent: { zh: '此部门所属的上级部门的 id。' },
  stakeholders: {
    zh: '关键决策者及其所扮演的采购角色。',
    method: text(
      'Who decides, and how? Find the six roles: decision maker, proposer, guide, implementer, constrainer, influencer. One person may hold several, the influencer role especially. Ideal: the top decision maker is also the main influencer or supporter.',
      '谁在决策，如何决策？找出六种角色：最高阶决策者、提议者、指导者、执行者、条件限制者（杀手）、影响者。一个人可能扮演多重角色，特别是主要的影响者。理想的情况：最高阶决策者也是主要的影响者/支持者。',
    ),
  },
  'stakeholders.id': { zh: '此人的 id，在文件中唯一；行动与反馈用它引用此人。' },
  'stakeholders.name': { zh: '此人的姓名。' },
  title: { zh: '职务，如院长、药剂科主任。' },
  unit: { zh: '此人所在部门的 id。' },
  reports_to: {
    zh: '此人向哪位关键人物汇报的 id（组织架构图中的连线）。',
    method: text(
      'The org chart edge: it shows whom to reach through whom. Communicate upward, not downward.',
      '组织架构图的连线：看清要透过谁接触谁。向上交流，而非向下。',
    ),
  },
  roles: {
    zh: '此人扮演的采购角色：最高阶决策者、提议者、指导者、执行者、条件限制者（杀手）、影响者，英文或中文名称均可。一人可兼多个角色。',
    method: text(
      'Each role has its orientation and its interests: results (decision maker), experience (proposer), help (guide), performance (implementer), practicality (constrainer), relationships (influencer). Every role should be held by someone in the plan.',
      '每种角色各有其导向与关心的事：结论导向（最高阶决策者）、经验导向（提议者）、协助导向（指导者）、表现导向（执行者）、实际导向（杀手）、关系导向（影响者）。计划中每种角色都应有人担任。',
    ),
  },
  stance: {
    zh: '此人对我们的态度。',
    method: text(
      'Who is for us and who is not. Ideal: the top decision maker supports us; the guide backs us like a mentor. A skeptic today is not a lost cause: most sellers give up after a few visits without a sale, while most customers say no several times before they say yes — persist.',
      '谁支持我们，谁不支持。理想的情况：最高阶决策者支持我们；指导者像导师般支持我们。今天的怀疑者并非没有希望：大多数销售人员拜访几次没有成交就放弃了，而大多数客户在说“好”之前都会说好几次“不”——要坚持。',
    ),
  },
  influence: {
    zh: '此人在决策中的分量。',
    method: text(
      'Calling only on people low in the decision dilutes effort: sell to the top and the direct decision makers.',
      '若只拜访第二级或更低一级的客户，可能会稀释你的努力：向最高阶管理者和最直接的决策者销售。',
    ),
  },
  gatekeeper: {
    zh: '此人是否控制接触决策者的通道（关卡者）。',
    method: text(
      'Ask the gatekeeper’s help to meet the leader and work with them; tell them early that you need them, or how you will build their standing with the leader; keep them in the loop when your boss meets the leader — never left out, forgotten or threatened.',
      '请关卡者帮忙安排与高阶领导会见，并与他一起工作；事前让他知道你需要他的鼎力相助，或你会如何在领导面前让他建立声誉；你的老板与高阶客户见面时，确认关卡者一直身处其中，不要让他觉得置身事外、被遗忘或感受到威胁。',
    ),
  },
  interests: {
    zh: '此人关心什么（预测）。',
    method: text(
      'What this person may care about depends on the role: a president, recognition from superiors and the hospital’s reputation; purchasing or finance, cost control, payment terms and price. Think as the customer’s part-time employee: what would you work on if they paid you?',
      '此人可能感兴趣的地方因角色而异：院长关心上级领导的认可和信任、医院的声誉；采购或财务关心成本控制、付款条件和价格。把自己当作客户的兼职员工来思考：如果他们付你薪水，你会为他们做什么？',
    ),
  },
  'stakeholders.owner': {
    zh: '我方由谁维护与此人的关系。',
    method: text(
      'No relationship yet? Ask someone to arrange a meeting; ask about what interests them; send them an analysis by mail — say, how they could serve their own customers better; or arrange a “chance” meeting through a third party.',
      '还没有关系？请人帮忙安排一次会面；询问对方感兴趣的问题；用邮寄等非会议的方式提供分析——例如如何更好地服务他们自己的客户；或透过第三者制造一次“巧遇”。',
    ),
  },
  last_contact: {
    zh: '我们最近一次与此人见面或交谈的日期（YYYY-MM-DD）。',
    method: text(
      'What senior customers say they value most: 1. regular personal visits — ranked first, and done worst; 2. consulting: understand their main business problems and help solve them; 3. listening — sellers talk too much and listen too little; 4. influencing: know how the organisation decides and work with the deciders; 5. questioning: well-prepared questions that show real interest; 6. added value: positive problem handling, fast follow-up, information they lack or have no time to find — for some, training.',
      '高阶客户表示最重视的是：1. 规律的个人拜访——排在第一位，却通常做得最不好；2. 顾问咨询：了解他们主要的业务问题并协助解决；3. 倾听——销售人员说得太多、听得太少；4. 影响他人：了解组织如何决策，并与决策者一起工作；5. 询问：准备充分、显示真正兴趣的问题；6. 附加价值：积极处理问题、迅速跟进、提供他们不知道或没时间去找的信息——对有些人而言，还有培训与发展。',
    ),
  },
  financials: {
    zh: '客户的财务分析：收入、我方销售额、占有率、成长率、说明及其他数字。',
    method: text(
      'What the account is worth, to itself and to us, and where it is heading: the figures the goals start from.',
      '这个客户本身及对我们的价值，以及它的走向：目标由这些数字出发。',
    ),
  },
  'financials.revenue': { zh: '客户的收入。' },
  our_sales: { zh: '我方对该客户的销售额。' },
  'financials.share': { zh: '我方在客户相关领域支出中的占有率。' },
  'financials.growth': { zh: '客户的成长率，或我方与其业务的成长率。' },
  notes: { zh: '理解这些数字所需的其他说明。' },
  'financials.*': { zh: '其他任何财务数字，数字或文字均可。' },
  purchasing_factors: {
    zh: '影响客户采购行为的主要因素：环境因素、组织因素、人际因素、个人因素（可选，不属于六个必备部分）。',
    method: text(
      'Understand the customer’s perspective first: why does this account buy the way it does? Four kinds of factor shape a purchase — the environment around the customer, the organisation itself, the people around the buyer, and the buyer as a person.',
      '首先了解客户的观点：这个客户为什么这样采购？影响采购行为的因素有四类——客户所处的环境、组织本身、采购者之间的人际关系，以及采购者个人。',
    ),
  },
  environmental: {
    zh: '环境因素：需求水平、经济前景、资金成本、技术变革率、政治与法规的发展、竞争性的发展。',
    method: text(
      'Ask: how strong is demand, and where is the economy heading? What does money cost the customer? How fast is the technology changing? Which political or regulatory developments are coming? What are competitors doing?',
      '问题思考：需求水平如何，经济前景怎样？客户的资金成本是多少？技术变革有多快？有哪些政治与法规的发展即将到来？竞争者在做什么？',
    ),
  },
  organizational: {
    zh: '组织因素：客户的目标、政策、程序、组织结构与制度。',
    method: text(
      'Ask: what are the organisation’s objectives this year? Which policies and procedures does a purchase go through — committee, tender, approval? How is it structured, and which systems does it run on?',
      '问题思考：客户今年的目标是什么？一次采购要经过哪些政策与程序——委员会、招标、审批？它的组织结构如何，依靠哪些制度运作？',
    ),
  },
  interpersonal: {
    zh: '人际因素：采购者之间的职权、地位、志趣与说服力。',
    method: text(
      'Ask: who has authority over whom in this purchase? Whose status carries weight? Whose interests pull which way? Who persuades the others?',
      '问题思考：在这次采购中谁对谁有职权？谁的地位有分量？各人的志趣把决定拉向哪里？谁能说服其他人？',
    ),
  },
  individual: {
    zh: '个人因素：每位采购者的年龄、收入、教育、工作职位、个性、风险态度与文化。',
    method: text(
      'Ask of each buyer: their age, income and education; their position; their personality; how much risk they will take; their culture. The same offer lands differently on each.',
      '对每位采购者问：年龄、收入、教育程度；工作职位；个性；愿意承担多大风险；文化背景。同一个方案，落在不同的人身上效果不同。',
    ),
  },

  forecast: {
    zh: '我们可以到达哪里？市场上已经改变或可能改变的因素。',
    method: text(
      'Where can we get? Which market factors have changed or may change? Must we change what customers expect of our competitors?',
      '我们可以到达哪里？市场上有哪些因素已经改变或可能改变？在这同时，我们是否也需要改变客户对我们的竞争者的期望？',
    ),
  },
  changes: {
    zh: '已经改变或可能改变的市场因素。',
    method: text(
      'When the account’s organisation changes, three opportunities open: find each new decider’s role with the account analysis; move fast and with confidence — competitors will not wait; new deciders are more open to new ideas.',
      '客户的组织发生变化时，会带来三个机会：用客户分析找出每位新决策者的角色；迅速而有信心地行动——竞争者不会等你；新的决策者更愿意接受新的想法。',
    ),
  },
  'forecast.opportunities': { zh: '这些变化为我们带来的机会。' },
  risks: { zh: '这些变化带来的风险。' },

  goals: {
    zh: '我们想要去哪里？每个目标都应符合 SMART 原则：具体的、可以衡量的、可以达到的、现实的、有时间安排的。',
    method: text(
      'Where do we want to go? How do we respond to keep the customer, to mutual satisfaction? “Without a goal we work twice as hard.” A qualitative goal (`direction`) made measurable (`metric`, `baseline`, `target`, `deadline`).',
      '我们想要去哪里？为了保有客户，我们如何回应客户而达到彼此满意？“如果我们没有目标方向的话，将会加倍的付出心力。”质量的目标（`direction`）配上数量的目标（`metric`、`baseline`、`target`、`deadline`）。',
    ),
  },
  'goals.id': { zh: '目标的 id，在文件中唯一；行动与控制用它引用此目标。' },
  statement: {
    zh: '用文字写出目标：改变什么、改变多少、何时完成。',
    method: text(
      'Specific (S): name what changes and by how much — “improve the relationship” is not a goal.',
      '具体的（S）：写明改变什么、改变多少——“改善关系”不是目标。',
    ),
  },
  direction: {
    zh: '质量的目标：迅速建立、慢慢增加、积极维持、谨慎掌控利润或逐渐撤退。',
    method: text(
      'The qualitative goal for the account: build share fast, grow it steadily to lead the field, actively hold it, carefully control profit, or withdraw gradually. The target must move the way the direction says (achievable).',
      '对这个客户的质量的目标：迅速地建立市场占有率、慢慢地增加占有率以成为领导者、积极地维持占有率、谨慎地掌控利润，或逐渐地撤退。目标值的变化方向须与之相符（可以达到的）。',
    ),
  },
  metric: {
    zh: '衡量什么：占有率、成长率、贡献度、收入、数量、定价、花费支出或其他。',
    method: text(
      'The quantitative goal that makes the direction measurable: share vs competitors, sales growth %, contribution to the company %, spend, price/discount, volume (units).',
      '为质量的目标设定可衡量的数量目标：重点客户市场占有率 vs. 竞争者、销售业绩成长率 %、对公司的贡献度 %、花费支出、定价/扣率、数量（产品单位）。',
    ),
  },
  baseline: {
    zh: '今天的数值：数字，或 12%、1,200,000 这样的文字。',
    method: text('Measurable (M): where we stand today, as a number.', '可以衡量的（M）：今天所处的位置，用数字表示。'),
  },
  target: {
    zh: '要达到的数值：数字，或 20%、1,200,000 这样的文字。',
    method: text(
      'Measurable (M) and achievable (A): where we want to be, as a number that can be reached by the deadline.',
      '可以衡量的（M）与可以达到的（A）：想要到达的位置，用数字表示，且在截止日期前可以达到。',
    ),
  },
  deadline: {
    zh: '必须达到目标值的日期（YYYY-MM-DD）。',
    method: text('Time-tabled (T): a goal without a date is a wish.', '有时间安排的（T）：没有日期的目标只是愿望。'),
  },
  'goals.drivers': {
    zh: '此目标回应的客户业务驱动因素的 id（diagnosis.drivers）。',
    method: text(
      'Key-account selling is value-based: a goal earns its place when it helps the customer on one of the drivers of its competitiveness. Think as the customer’s part-time employee — what would you work on for them?',
      '重点客户销售是以价值为主的销售：目标能帮助客户改善其竞争力的某个驱动因素，才有存在的理由。把自己当作客户的兼职员工来思考——你会为他们做什么？',
    ),
  },
  'goals.owner': {
    zh: '我方由谁对此目标负责。',
    method: text(
      'Realistic (R): someone on our team answers for the goal, and actions serve it.',
      '现实的（R）：我方有人对目标负责，并有行动为它服务。',
    ),
  },

  strategy: {
    zh: '要达到目标最好的方法是什么？我们能满足而竞争者无法模仿的重要客户需求。',
    method: text(
      'What is the best way there? Which important needs can we meet that competitors cannot imitate? Strategy follows the customer’s values. Steps: our and the competitors’ position as the customer sees it → the gaps and opportunities → the attributes that matter to this account → the position we will lead (the core strategy) → fit the plan to those opportunities.',
      '要达到目标最好的方法是什么？我们可以满足哪些重要客户需求而竞争者无法模仿？策略的制定应紧扣客户的价值观。步骤：从客户的观点找出自己与竞争者现在的定位 → 找出差距或机会 → 找出对重点客户而言重要的特性 → 决定你要主导的定位，即核心策略 → 使策略更符合那些机会。',
    ),
  },
  values: {
    zh: '客户重视什么，分心理的、功能的、经济的。',
    method: text(
      'Tell rational values from emotional ones: a customer asking for “a good antihypertensive that controls blood pressure fast” may need a trouble-free product, well priced, buyable in small amounts and co-prescribable with two or three other drugs.',
      '区分情感上的与理性的价值观：客户说需要“一种好的、可以快速控制血压的抗高血压药物”，其实可能需要一种不会带来困扰麻烦、价格合适、可以少量购买、可以和其他两三种药品一起处方的产品。',
    ),
  },
  psychological: { zh: '心理的价值观：地位、合作、安全感、声望、恐惧、名誉、形象、信任、品质。' },
  functional: { zh: '功能的价值观：可靠、实用性、服务水平、表现、容易使用、准确性、迅速。' },
  'values.economic': { zh: '经济的价值观：价格、节约、效用。' },
  positioning: { zh: '从客户的观点看，我们要主导的定位。' },
  core: { zh: '核心策略：由我们要主导的定位而来。' },
  swot: {
    zh: '自身产品、自身公司、竞争者的产品、竞争者的公司的 SWOT 分析。',
    method: text(
      'Find the few key points that must be right for the business to thrive.',
      '找出主要的关键点：事业兴盛所“必须要走对方向”的地方。',
    ),
  },
  own_product: { zh: '我方产品的 SWOT。' },
  own_company: { zh: '我方公司的 SWOT。' },
  competitor_product: { zh: '竞争者产品的 SWOT。' },
  competitor_company: { zh: '竞争者公司的 SWOT。' },
  strengths: { zh: '优势。' },
  weaknesses: { zh: '劣势。' },
  opportunities: { zh: '机会。' },
  threats: { zh: '威胁。' },

  actions: {
    zh: '为了确保合约和保有客户必须做什么：谁、做什么、在何处、何时、预算多少。',
    method: text(
      'What must be done to win the contract and keep the customer? Who, what, where, when, how much?',
      '为了确保合约和保有重点客户，有什么一定要做到？谁（Who）？做什么（What）？在何处（Where）？何时（When）？预算（How much）？',
    ),
  },
  'actions.id': { zh: '行动的 id，在文件中唯一。' },
  what: { zh: '要做的事。' },
  who: { zh: '我方由谁来做。' },
  with: {
    zh: '此行动涉及的关键人物的 id。',
    method: text(
      'Sell to the top: work with the decision makers themselves, and keep the gatekeeper in the loop.',
      '向最高阶决策者销售：与决策者本人一起工作，并让关卡者一直身处其中。',
    ),
  },
  where: { zh: '在哪里进行。' },
  when: { zh: '进行的日期（YYYY-MM-DD）。' },
  budget: { zh: '花费多少：数字，或 5,000 这样的文字。' },
  'actions.goal': { zh: '此行动服务的目标的 id。' },
  'actions.status': { zh: '行动是计划中、已完成还是已取消。' },

  controls: {
    zh: '如何衡量与监控目标的进度。',
    method: text(
      'How do we measure and monitor the plan to ensure the customer’s satisfaction? Controls are specific — dates, products, contracts signed, financial results, events completed, cost in and out, promotions — written into the plan, not vague hopes.',
      '用什么方法来衡量，让我们监控计划以确保客户的满意？控制项目是特定的——时间或日期、产品、签订合约、财务结果、完成特定的事件、成本投入/产出、促销活动——必须写进行动计划，而非只是笼统的希望。',
    ),
  },
  'controls.goal': { zh: '此控制项衡量的目标的 id。' },
  measure: { zh: '衡量什么，数据从哪里来。' },
  check: { zh: '检查进度的日期（YYYY-MM-DD）。' },
  'controls.status': { zh: '进度如何，如按计划进行。' },

  feedback: {
    zh: '客户告诉我们的，以及我们回馈给客户的。',
    method: text(
      'How effective was it, per the customer and our management? What did I learn? Take what the account says positively, and tell them back what we did with it, so they know their views count.',
      '客户或公司管理者告诉我所做的事情效率如何？我从中学到了什么？应以正面积极的态度接受客户的意见，并将使用后的结果再反馈给客户，让他们知道我们何等重视他们的意见。',
    ),
  },
  date: { zh: '客户告诉我们的日期（YYYY-MM-DD）。' },
  from: { zh: '说这话的关键人物的 id。' },
  said: { zh: '客户告诉我们的，包括我们应该改变的做法。' },
  response: {
    zh: '我们回馈给客户的：我们如何处理了他们的意见。',
    method: text('Close the loop: tell them what we did with what they said.', '形成闭环：告诉客户我们如何处理了他们的意见。'),
  },

  rescue_network: {
    zh: '按合约阶段列出谁能帮忙：公司内部、客户内部、外部资源。',
    method: text(
      'Selling to a key account is rarely a solo job: build a network inside our company; inside the customer the guide is the most valuable source; reward and use third parties who can advise or influence the deciders.',
      '向一个重点客户销售有时是不可能独自作业的：应当在公司内部创造救援网络；在客户中，指导者是最有价值的资讯来源；任何客户组织外能提供建言或影响关键决策者的第三者，都应高度奖赏并适当运用。',
    ),
  },
  proposal: { zh: '提案阶段能提供帮助的资源。' },
  negotiation: { zh: '谈判阶段能提供帮助的资源。' },
  execution: { zh: '执行阶段能提供帮助的资源。' },
  internal: { zh: '公司内部能帮忙的人。' },
  customer: { zh: '客户内部能帮忙的人，首先是指导者。' },
  external: { zh: '客户组织外能提供建言或影响决策者的第三者。' },
};

const roles: Record<Role, RoleText> = {
  'decision-maker': {
    recognise: text(
      'Makes the final call; holds the budget; can overrule others; when they speak, others listen; others seek their approval.',
      '拍板决定；拥有预算；能够否定他人的决定；当他说话时，其他人只有听的份儿；别人会寻求其核准同意。',
    ),
    caresAbout: text(
      'E.g. a hospital president: recognition and trust from superiors, the hospital’s reputation, major legal and business factors, personal safety, reputation and benefit, the organisation’s internal and financial health, customer needs, staffing and business planning, crisis handling, public relations, acceptance by other organisations, your credibility from past experience.',
      '如院长：上级领导的认可和信任、医院的声誉、主要的法律或其它业务影响因素、个人的安全、名誉与利益、组织内部与财务的健康、客户需求、人力与业务规划过程、危机处理、公共关系、被其他组织的接受度、基于过去的经验有关你的信誉。',
    ),
  },
  proposer: {
    recognise: text(
      'The decision maker asks their opinion; recommends from experience; subordinates may join the evaluation; avoids open confrontation but may like control; speaks early in meetings.',
      '高阶决策者会询问其意见；准备好向他人提出建议，通常是依据经验；可能有部属会参与评估过程/合同；不喜欢直接对抗，但可能喜欢控制；在会议初期提出建言。',
    ),
    caresAbout: text(
      'E.g. a pharmacy director: a recommendation their experience can stand behind — ask what they need in order to recommend you.',
      '如药剂科主任：依据经验站得住的建议——问清他们推荐你需要什么。',
    ),
  },
  guide: {
    recognise: text(
      'Usually among the advisers; meets you one to one; will have lunch with you; backs you like a mentor, usually for personal satisfaction; experienced, confident, respected by the decision group. Best if they are the decision maker or the main influencer.',
      '通常是顾问中的一员；可以与你一对一地见面/谈话；愿意与你共进午餐；愿意像导师般支持你，通常是为了个人满意的原因；通常具有经验、自信，受决策群体尊重。如果是高阶决策者最理想，是主要影响者也不错。',
    ),
    caresAbout: text(
      'E.g. a clinical director: the satisfaction of seeing you win, and their advice being used. Inside the customer the guide is your most valuable source.',
      '如临床主任：看到你成功带来的个人满足，以及自己的意见被采用。在客户中，指导者是最有价值的资讯来源。',
    ),
  },
  implementer: {
    recognise: text('Administers or uses what is bought.', '主要的行政管理者/使用者：管理或使用所购买的产品。'),
    caresAbout: text(
      'How well it performs in daily use: reliability, ease of use, service level.',
      '产品在日常使用中的表现：可靠、容易使用、服务水平。',
    ),
  },
  constrainer: {
    recognise: text(
      'Sets the conditions and can say no (the “killer”), e.g. purchasing or finance.',
      '条件限制者（杀手）：设定条件，可以说“不”，如采购或财务。',
    ),
    caresAbout: text(
      'Cost control, better profit, personal or department bonus, payment terms and timing, actual vs budget, order frequency, returns policy, shelf units, turnover, price.',
      '成本控制、改善利润、个人/科室/部门的红利、付款条件和时间、实际的表现 vs. 预算、订单次数、退货政策、货架储存单位、周转率、价格。',
    ),
  },
  influencer: {
    recognise: text(
      'Sways the others; often the same person holds another role too. Ideal: the top decision maker is also the main influencer.',
      '影响其他人的决定；常由兼任其他角色的人担任。理想的情况：最高阶决策者也是主要的影响者。',
    ),
    caresAbout: text(
      'Relationships: who they know, and how they stand with the decision group.',
      '关系：认识谁，以及与决策群体的关系。',
    ),
  },
};

/** The values of the format's enums, by the key that takes them. */
const values: Record<string, Record<string, Text>> = {
  direction: {
    'build-fast': text('**迅速建立**: build share fast. The target must be above the baseline.', '**迅速建立**：迅速地建立市场占有率。目标值须高于现状值。'),
    'build-steady': text(
      '**慢慢增加**: grow share steadily to lead the key-account field. The target must be above the baseline.',
      '**慢慢增加**：慢慢地增加市场占有率，以成为重点客户领域中的领导者。目标值须高于现状值。',
    ),
    maintain: text('**积极维持**: actively hold share. The target must not fall below the baseline.', '**积极维持**：积极地维持重点客户占有率。目标值不得低于现状值。'),
    harvest: text(
      '**谨慎掌控利润**: carefully control the account’s profit; the figures may move either way.',
      '**谨慎掌控利润**：谨慎地掌控重点客户管理的利润，数字可升可降。',
    ),
    withdraw: text('**逐渐撤退**: withdraw gradually from the account. The target must not be above the baseline.', '**逐渐撤退**：逐渐地从重点客户市场上撤退。目标值不得高于现状值。'),
  },
  metric: {
    share: text('Key-account share against competitors (市场占有率).', '重点客户市场占有率 vs. 竞争者。'),
    growth: text('Sales growth, % (销售业绩成长率).', '销售业绩成长率 %。'),
    contribution: text('Contribution to the company, % (对公司的贡献度).', '对公司的贡献度 %。'),
    revenue: text('Revenue from the account (收入).', '来自该客户的收入。'),
    volume: text('Volume in product units (数量).', '数量（产品单位）。'),
    price: text('Price or discount (定价/扣率).', '定价/扣率。'),
    spend: text('Spend (花费支出).', '花费支出。'),
    other: text('Another measure: say in the statement what it is.', '其他衡量方式：在目标陈述中写明衡量什么。'),
  },
  stance: {
    champion: text('Argues for us inside the account (拥护者).', '拥护者：在客户内部为我们说话。'),
    supporter: text('Favours us (支持者).', '支持者：倾向我们。'),
    neutral: text('Neither for nor against us yet (中立).', '中立：尚无明显倾向。'),
    skeptic: text('Doubts us and needs proof (怀疑者).', '怀疑者：对我们有疑虑，需要证据。'),
    opponent: text('Works against us, or for a competitor (反对者).', '反对者：反对我们，或支持竞争者。'),
    unknown: text('Not known yet: find out (未知).', '未知：尚不清楚，需要了解。'),
  },
  influence: {
    high: text('Weighs heavily in the decision: sell to them directly.', '高：在决策中分量很重，应直接向其销售。'),
    medium: text('Counts, but does not decide alone.', '中：有一定分量，但不能单独决定。'),
    low: text('Little weight in the decision.', '低：在决策中分量很小。'),
  },
  stage: {
    proposal: text('Proposal stage (提案阶段).', '提案阶段。'),
    negotiation: text('Negotiation stage (谈判阶段).', '谈判阶段。'),
    execution: text(
      'Execution stage (执行阶段): keep the relationship continuous — keeping a customer costs a third of winning one.',
      '执行阶段：与重点客户维持持续的关系——维持一个客户的费用仅是开发一个客户费用的三分之一。',
    ),
  },
  status: {
    planned: text('Still to do.', '计划中：尚待执行。'),
    done: text('Done.', '已完成。'),
    cancelled: text('Cancelled: no longer counts in the plan’s checks.', '已取消：不再计入计划的检查。'),
  },
  kind: {
    internal: text('Inside the customer (内部的).', '内部的：来自客户内部。'),
    external: text('Outside the customer (外部的).', '外部的：来自客户外部。'),
  },
};

export const METHOD_TEXT = { keys, roles, values } as const;

/** The method text of the key at a YAML path (list indexes are skipped), or undefined. */
export function keyText(path: readonly (string | number)[]): KeyText | undefined {
  const steps = path.filter((s): s is string => typeof s === 'string' && !/^\d+$/.test(s));
  for (let i = 0; i < steps.length; i++) {
    const name = steps.slice(i).join('.');
    if (Object.hasOwn(keys, name)) return withTerm(name);
  }
  const open = steps.length > 1 ? `${steps[steps.length - 2]}.*` : undefined;
  return open && Object.hasOwn(keys, open) ? withTerm(open) : undefined;
}

function withTerm(name: string): KeyText {
  return { ...keys[name], term: courseTerm(KEY_TERMS[name]) };
}

/** What an enum value means, by the key that takes it. */
export function valueText(key: string, value: string): Text | undefined {
  return Object.hasOwn(values, key) && Object.hasOwn(values[key], value) ? values[key][value] : undefined;
}
