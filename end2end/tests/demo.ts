// What the browser tests rely on in the demo district (`server seed-demo`), named once here.
// They drive the app as the README's run command shows it, so they use the demo's people,
// organisations and members; `app/tests/demo_names.rs` checks that every value below is still in
// the demo data, so renaming a demo record fails there, naming this file, and the fix is one line.

// The demo accounts (app/src/demo/accounts.rs).
export const RESIDENT = { contact: '13800000001', password: 'demo-resident', name: '小云（居民）' };
export const COORDINATOR = { contact: '13800000002', password: 'demo-coordinator', name: '王协调（协调员）' };
export const OWNER = { contact: '13800000003', password: 'demo-owner', name: '李负责（机构负责人）' };
export const ADMIN = { contact: '13800000004', password: 'demo-admin', name: '平台管理员' };

// Records of the demo district, and words of theirs that a search or a link is expected to find.
export const DEMO = {
  residentShort: '小云',
  ownerShort: '李负责',
  // Organisations: the partner the coordinator runs, the cooperative the owner runs, others.
  sunshine: '云岩区阳光助老服务中心',
  sunshineShort: '阳光助老',
  coop: '云岩区邻里互助合作社',
  library: '黔书房公益图书馆',
  libraryWord: '图书馆',
  hillCommittee: '黔灵山社区居民委员会',
  // Places on the map: an event, a resource, a sub-district, a listing.
  hillCleanup: '黔灵山登山步道清洁',
  fridge: '黔味善食爱心冰箱',
  jinguan: '金关街道',
  pram: '婴儿推车',
  readingClub: '读书会',
  // Cooperative members and what they offer or need, shown or not by their consents.
  auntWang: '王阿姨',
  mending: '缝补改衣',
  errands: '每周帮忙买一次菜',
  xiaoYang: '小杨',
  beads: '手工串珠饰品',
  uncleZhao: '赵叔',
  chess: '下象棋陪练',
  grandmaZhang: '张奶奶',
  masterLi: '李师傅',
  insoles: '手工鞋垫',
  wheelchair: '轮椅使用者',
};
