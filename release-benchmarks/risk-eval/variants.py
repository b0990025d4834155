"""Leave-one-repository-out evaluation of change-risk variants (issue 10), numpy only.
Run: python3 /tmp/risk-eval/eval.py   (reads /work/shared/risk-data/*.csv)
Every setting is chosen by inner leave-one-training-repository-out CV; the outer test repo is
never looked at for selection."""
import csv, math, sys, itertools, bisect
import os
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
import numpy as np

D = os.environ.get('RISK_DATA', '/work/shared/risk-data/').rstrip('/') + '/'
REPOS = ['folly', 'electron', 'kafka', 'netty', 'jgit', 'commons-lang']
FEATS = ['files_changed','lines_added','lines_deleted','binary_files','dirs_touched','subsystems',
 'entropy','touches_tests','touches_build','touches_deps','touches_migrations','touches_config',
 'test_only','docs_only','new_files','file_prior_changes','file_prior_devs','file_age_days_mean',
 'file_prior_reverts','author_prior_commits','author_prior_reverted','hour_local','weekday',
 'is_fix','is_reland','msg_len']
LOG = {'files_changed','lines_added','lines_deleted','binary_files','dirs_touched','subsystems',
 'new_files','file_prior_changes','file_prior_devs','file_prior_reverts','author_prior_commits',
 'author_prior_reverted','msg_len','file_age_days_mean'}
COUNTS = ['files_changed','lines_added','lines_deleted','binary_files','dirs_touched','subsystems',
 'entropy','new_files','file_prior_changes','file_prior_devs','file_age_days_mean',
 'file_prior_reverts','author_prior_commits','author_prior_reverted','msg_len']
FI = {f: i for i, f in enumerate(FEATS)}

def load(repo):
    rows = list(csv.DictReader(open(D + repo + '.csv')))
    rows = [r for r in rows if r['is_revert'] == '0' and r['censored'] == '0' and r['is_bot'] == '0']
    rows.sort(key=lambda r: int(r['commit_time']))  # stable: landing order kept on ties
    X = np.array([[float(r[f]) for f in FEATS] for r in rows])
    y = np.array([int(r['reverted']) for r in rows])
    n = len(rows); cut = n - int(round(0.3 * n))
    return X, y, cut

DATA = {r: load(r) for r in REPOS}

def expanding_rank(col):
    """Mid-rank percentile of each value among the repository's EARLIER rows (0.5 if none)."""
    s = []; out = np.empty(len(col))
    for i, v in enumerate(col):
        if not s: out[i] = 0.5
        else:
            lo = bisect.bisect_left(s, v); hi = bisect.bisect_right(s, v)
            out[i] = (lo + 0.5 * (hi - lo) + 0.5) / (len(s) + 1)
        bisect.insort(s, v)
    return out

RANKS = {r: np.column_stack([expanding_rank(DATA[r][0][:, FI[f]]) for f in COUNTS]) for r in REPOS}

def base_matrix(repo, cfg):
    X, y, cut = DATA[repo]
    cols = []; names = []
    feats = cfg.get('feats', FEATS)
    for f in feats:
        v = X[:, FI[f]]
        if f in LOG: v = np.log1p(np.maximum(v, 0))
        if cfg.get('rank') and f in COUNTS:
            v = RANKS[repo][:, COUNTS.index(f)]
        cols.append(v); names.append(f)
    M = np.column_stack(cols)
    if cfg.get('repo_std'):  # standardise by the repository's own training-period (oldest 70%) stats
        mu = M[:cut].mean(0); sd = M[:cut].std(0); sd[sd == 0] = 1
        M = (M - mu) / sd
    if cfg.get('bins'):  # monotone-ish binning: quantile bins of each count (edges from the repo's oldest 70%)
        extra = []
        for f in COUNTS:
            if f not in feats: continue
            j = names.index(f); v = M[:, j]
            edges = np.quantile(v[:cut], [0.5, 0.75, 0.9])  # fixed 3 steps per count (a repeated edge gives a duplicate column)
            for e in edges: extra.append((v > e).astype(float))  # cumulative indicators => monotone-capable
        M = np.column_stack([M] + extra)
    if cfg.get('inter'):
        size = np.log1p(X[:, FI['lines_added']] + X[:, FI['lines_deleted']])
        hist = [np.log1p(X[:, FI[f]]) for f in ('file_prior_changes','file_prior_reverts','author_prior_reverted','file_prior_devs')]
        if cfg.get('rank'):
            size = RANKS[repo][:, COUNTS.index('lines_added')]
            hist = [RANKS[repo][:, COUNTS.index(f)] for f in ('file_prior_changes','file_prior_reverts','author_prior_reverted','file_prior_devs')]
        M = np.column_stack([M] + [size * h for h in hist] + [size * X[:, FI['touches_tests']], size * X[:, FI['is_fix']]])
    return M, y, cut

_BM = {}
def _bm(repo, cfg):
    k = (repo, repr(sorted(((a, b) for a, b in cfg.items() if a not in ('lam', 'balanced')), key=lambda kv: kv[0])))
    if k not in _BM: _BM[k] = base_matrix(repo, cfg)
    return _BM[k]

def fit(X, y, lam, w_pos=1.0, iters=30):
    mu = X.mean(0); sd = X.std(0); sd[sd == 0] = 1
    Z = np.column_stack([np.ones(len(X)), (X - mu) / sd])
    sw = np.where(y == 1, w_pos, 1.0)
    w = np.zeros(Z.shape[1]); pen = np.full(Z.shape[1], lam); pen[0] = 0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Z @ w))
        g = Z.T @ (sw * (p - y)) + pen * w
        H = (Z * (sw * p * (1 - p))[:, None]).T @ Z + np.diag(pen) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(H, g); w -= step
        if np.abs(step).max() < 1e-6: break
    return lambda A: np.column_stack([np.ones(len(A)), (A - mu) / sd]) @ w

_MEMO = {}
def evaluate(train_repos, test_repos, cfg):
    key = (tuple(sorted(train_repos)), tuple(test_repos), repr(sorted(cfg.items(), key=lambda kv: kv[0])))
    if key not in _MEMO: _MEMO[key] = _evaluate(train_repos, test_repos, cfg)
    return _MEMO[key]

_FITS = {}
def _evaluate(train_repos, test_repos, cfg):
    mats = {r: _bm(r, cfg) for r in set(train_repos) | set(test_repos)}
    Xtr = np.vstack([mats[r][0][:mats[r][2]] for r in train_repos])
    ytr = np.concatenate([mats[r][1][:mats[r][2]] for r in train_repos])
    wpos = (len(ytr) - ytr.sum()) / max(ytr.sum(), 1) if cfg.get('balanced') else 1.0
    fk = (tuple(sorted(train_repos)), repr(sorted(cfg.items(), key=lambda kv: kv[0])))
    if fk not in _FITS: _FITS[fk] = fit(Xtr, ytr, cfg.get('lam', 1.0), wpos)
    score = _FITS[fk]
    hits = {5: 0, 10: 0, 50: 0}; pos = 0; allS = []; allY = []
    for r in test_repos:
        M, y, cut = mats[r]; s = score(M[cut:]); yt = y[cut:]
        order = np.argsort(-s, kind='stable'); pos += yt.sum()
        for k in hits: hits[k] += yt[order[:math.ceil(k / 100 * len(s))]].sum()
        allS.append(s); allY.append(yt)
    return {k: hits[k] / max(pos, 1) for k in hits}, np.concatenate(allS), np.concatenate(allY), [(a, b) for a, b in zip(allS, allY)]

def auc(s, y):
    order = np.argsort(s, kind='stable'); r = np.empty(len(s)); r[order] = np.arange(1, len(s) + 1)
    # average ties
    _, inv, cnt = np.unique(s, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=r); r = sums[inv] / cnt[inv]
    n1 = y.sum(); n0 = len(y) - n1
    return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)

def loro(cfg):
    hits = {5: 0, 10: 0, 50: 0}; pos = 0; S = []; Y = []; per = {}
    for t in REPOS:
        tr = [r for r in REPOS if r != t]
        rec, s, y, _ = evaluate(tr, [t], cfg)
        p = y.sum(); pos += p
        for k in hits: hits[k] += rec[k] * p
        S.append(s); Y.append(y); per[t] = auc(s, y)
    return {k: hits[k] / pos for k in hits}, auc(np.concatenate(S), np.concatenate(Y)), per

def inner_score(train5, cfg):
    """Inner CV: leave one of the five training repos out; micro recall@10 + recall@50."""
    hits = {10: 0, 50: 0}; pos = 0
    for t in train5:
        tr = [r for r in train5 if r != t]
        rec, s, y, _ = evaluate(tr, [t], cfg); p = y.sum(); pos += p
        for k in hits: hits[k] += rec[k] * p
    return (hits[10] + hits[50]) / pos

def nested(grid):
    """Outer LORO; inside each fold pick the cfg from grid by inner CV over the five training repos."""
    hits = {5: 0, 10: 0, 50: 0}; pos = 0; S = []; Y = []; chosen = {}
    for t in REPOS:
        tr = [r for r in REPOS if r != t]
        best = max(range(len(grid)), key=lambda i: inner_score(tr, grid[i]))
        chosen[t] = best
        rec, s, y, _ = evaluate(tr, [t], grid[best]); p = y.sum(); pos += p
        for k in hits: hits[k] += rec[k] * p
        S.append(s); Y.append(y)
    return {k: hits[k] / pos for k in hits}, auc(np.concatenate(S), np.concatenate(Y)), chosen

def fmt(rec, a):
    return f"{100*rec[5]:5.1f}% {100*rec[10]:5.1f}% {100*rec[50]:5.1f}%  AUC {a:.3f}"

if __name__ == '__main__':
    LAMS = [0.1, 1, 10, 100, 1000]
    SIZE_HIST = ['files_changed','lines_added','lines_deleted','dirs_touched','subsystems','entropy',
      'new_files','file_prior_changes','file_prior_devs','file_age_days_mean','file_prior_reverts',
      'author_prior_commits','author_prior_reverted','touches_tests','test_only','docs_only','is_fix']
    ideas = {
      'default (log1p, pooled std, L2 1)': [dict(lam=1)],
      'L2 by inner CV': [dict(lam=l) for l in LAMS],
      'per-repo std (oldest-70% stats), L2 inner CV': [dict(repo_std=True, lam=l) for l in LAMS],
      'expanding within-repo ranks, L2 inner CV': [dict(rank=True, lam=l) for l in LAMS],
      'balanced class weights, L2 inner CV': [dict(balanced=True, lam=l) for l in LAMS],
      'interactions size x history, L2 inner CV': [dict(inter=True, lam=l) for l in LAMS],
      'ranks + interactions, L2 inner CV': [dict(rank=True, inter=True, lam=l) for l in LAMS],
      'quantile-bin indicators (monotone steps), L2 inner CV': [dict(bins=True, repo_std=True, lam=l) for l in LAMS],
      'feature subset (size+history+flags), L2 inner CV': [dict(feats=SIZE_HIST, lam=l) for l in LAMS],
    }
    allgrid = [c for g in ideas.values() for c in g]
    ideas['everything above, chosen by inner CV'] = allgrid
    which = sys.argv[1:] or list(ideas)
    for name in ideas:
        if not any(w in name for w in which): continue
        g = ideas[name]
        if len(g) == 1:
            rec, a, per = loro(g[0]); extra = ' per-repo AUC ' + ' '.join(f'{k} {v:.3f}' for k, v in per.items())
        else:
            rec, a, ch = nested(g); extra = ' chosen ' + ' '.join(f'{k}:{g[v]}' for k, v in ch.items())
        print(f"{name:55s} {fmt(rec, a)}{extra}", flush=True)
