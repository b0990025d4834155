"""Leave-one-repository-out logistic regression on the risk-data columns plus features derived
from the history the CSVs record (landing lag, time since the author's previous commit, author
tenure, commits in the last day, smoothed author/file revert rates, reverts landed in the last
7/30 days in the repository and by the author). Run: python3 history_features.py
(RISK_DATA=<dir of the six CSVs>, default /work/shared/risk-data). Exploration only, numpy."""
import os, csv, numpy as np, math, collections, sys, bisect
D=os.environ.get('RISK_DATA','/work/shared/risk-data/').rstrip('/')+'/'; REPOS=['folly','electron','kafka','netty','jgit','commons-lang']
BASE=['files_changed','lines_added','lines_deleted','binary_files','dirs_touched','subsystems','entropy','touches_tests','touches_build','touches_deps','touches_migrations','touches_config','test_only','docs_only','new_files','file_prior_changes','file_prior_devs','file_age_days_mean','file_prior_reverts','author_prior_commits','author_prior_reverted','hour_local','weekday','is_fix','is_reland','msg_len']
LOG={'files_changed','lines_added','lines_deleted','binary_files','dirs_touched','subsystems','new_files','file_prior_changes','file_prior_devs','file_prior_reverts','author_prior_commits','author_prior_reverted','msg_len','file_age_days_mean','lag','since_author_prev','author_tenure','repo_day','churn','repo_rev30','repo_rev7','author_rev90','repo_n'}
def load(repo):
    rows=list(csv.DictReader(open(D+repo+'.csv')))
    last={}; first={}; recent=collections.deque(); revs=[]  # revert landing times
    for r in rows:
        if r['revert_lag_days'] and r['negative_lag']=='0':
            revs.append((int(r['commit_time'])+float(r['revert_lag_days'])*86400, r['author_id']))
    revs.sort(); rt=[t for t,_ in revs]
    arev=collections.defaultdict(list)
    for t,a in revs: arev[a].append(t)
    for i,r in enumerate(rows):
        ct=int(r['commit_time']); at=int(r['author_time']); a=r['author_id']
        r['lag']=max(ct-at,0)/3600
        r['since_author_prev']=(ct-last.get(a,ct-10**8))/3600
        r['author_tenure']=(ct-first.get(a,ct))/86400
        first.setdefault(a,ct); last[a]=ct
        while recent and recent[0]<ct-86400: recent.popleft()
        r['repo_day']=len(recent); recent.append(ct)
        r['churn']=int(r['lines_added'])+int(r['lines_deleted'])
        r['author_rev_rate']=(int(r['author_prior_reverted'])+0.1)/(int(r['author_prior_commits'])+5)
        r['file_rev_rate']=(int(r['file_prior_reverts'])+0.1)/(int(r['file_prior_changes'])+5)
        r['repo_rev30']=bisect.bisect_left(rt,ct)-bisect.bisect_left(rt,ct-30*86400)
        r['repo_rev7']=bisect.bisect_left(rt,ct)-bisect.bisect_left(rt,ct-7*86400)
        L=arev[a]; r['author_rev90']=bisect.bisect_left(L,ct)-bisect.bisect_left(L,ct-90*86400)
        r['night']=1 if int(r['hour_local'])<7 or int(r['hour_local'])>=22 else 0
        r['weekend']=1 if int(r['weekday'])>=5 else 0
        r['repo_n']=i
    rows=[r for r in rows if r['is_revert']=='0' and r['censored']=='0' and r['is_bot']=='0']
    rows.sort(key=lambda r:int(r['commit_time']))
    n=len(rows); cut=n-int(round(0.3*n))
    return rows, np.array([int(r['reverted']) for r in rows]), cut
DATA={r:load(r) for r in REPOS}
def mat(repo,feats):
    rows,y,cut=DATA[repo]
    M=np.array([[float(r[f]) for f in feats] for r in rows])
    for j,f in enumerate(feats):
        if f in LOG: M[:,j]=np.log1p(np.maximum(M[:,j],0))
    return M,y,cut
def fit(X,y,lam,iters=40):
    mu=X.mean(0); sd=X.std(0); sd[sd==0]=1
    Z=np.column_stack([np.ones(len(X)),(X-mu)/sd]); w=np.zeros(Z.shape[1]); pen=np.full(Z.shape[1],lam); pen[0]=0
    for _ in range(iters):
        p=1/(1+np.exp(-Z@w)); g=Z.T@(p-y)+pen*w
        H=(Z*(p*(1-p))[:,None]).T@Z+np.diag(pen)+1e-9*np.eye(len(w)); s=np.linalg.solve(H,g); w-=s
        if np.abs(s).max()<1e-7: break
    return lambda A: np.column_stack([np.ones(len(A)),(A-mu)/sd])@w, w
def loro(feats,lam=1,full=False,verbose=False):
    mats={r:mat(r,feats) for r in REPOS}; hits={5:0,10:0,50:0}; pos=0; per=[]
    for t in REPOS:
        tr=[r for r in REPOS if r!=t]
        X=np.vstack([mats[r][0][:(None if full else mats[r][2])] for r in tr]); y=np.concatenate([mats[r][1][:(None if full else mats[r][2])] for r in tr])
        sc,w=fit(X,y,lam); M,yy,cut=mats[t]; s=sc(M[cut:]); yt=yy[cut:]
        o=np.argsort(-s,kind='stable'); pos+=yt.sum(); h=[]
        for k in hits: c=yt[o[:math.ceil(k/100*len(s))]].sum(); hits[k]+=c; h.append(int(c))
        per.append(f"{t}:{h}/{yt.sum()}")
    print(f"{100*hits[5]/pos:5.1f} {100*hits[10]/pos:5.1f} {100*hits[50]/pos:5.1f}", ' '.join(per) if verbose else '', flush=True)
if __name__=='__main__':
    EX=['lag','since_author_prev','author_tenure','repo_day','author_rev_rate','file_rev_rate','repo_rev30','repo_rev7','author_rev90','night','weekend']
    print('base'); loro(BASE,verbose=True)
    print('base full'); loro(BASE,full=True)
    for e in EX: print('+',e, end=' '); loro(BASE+[e])
    print('+all'); loro(BASE+EX,verbose=True)
