"""Gauge, not a candidate model: gradient-boosted depth-2 trees on quantile bins (numpy), leave one
repository out and in-domain, to see whether a non-linear model finds signal that logistic
regression misses in these columns. Run: python3 boosted_trees.py"""
from history_features import *
import math
EX=['lag','since_author_prev','author_tenure','repo_day','author_rev_rate','file_rev_rate','repo_rev30','author_rev90']
def bins(X,edges): return np.stack([np.searchsorted(edges[j],X[:,j],side='right') for j in range(X.shape[1])],1)
def best_split(B,g,h,mask,nb,minleaf):
    best=None
    for j in range(B.shape[1]):
        b=B[mask,j]; G=np.bincount(b,weights=g[mask],minlength=nb+1); Hh=np.bincount(b,weights=h[mask],minlength=nb+1); C=np.bincount(b,minlength=nb+1)
        cg=np.cumsum(G); ch=np.cumsum(Hh); cc=np.cumsum(C)
        ok=(cc[:-1]>=minleaf)&(cc[-1]-cc[:-1]>=minleaf)
        if not ok.any(): continue
        gain=cg[:-1]**2/(ch[:-1]+1)+(cg[-1]-cg[:-1])**2/(ch[-1]-ch[:-1]+1); gain[~ok]=-1
        s=int(gain.argmax())
        if best is None or gain[s]>best[0]: best=(gain[s],j,s)
    return best
def leaf(g,h,m): return g[m].sum()/(h[m].sum()+1)
def gbm(X,y,rounds=150,lr=0.05,nb=16,minleaf=200,depth=2):
    """Boosted trees of the given depth (1 = stumps, 2 = one split under each side)."""
    edges=[np.unique(np.quantile(X[:,j],np.linspace(0,1,nb+1)[1:-1])) for j in range(X.shape[1])]
    B=bins(X,edges); F=np.full(len(y),math.log(y.mean()/(1-y.mean()))); trees=[]
    allm=np.ones(len(y),bool)
    for _ in range(rounds):
        p=1/(1+np.exp(-F)); g=y-p; h=p*(1-p)
        _,j,s=best_split(B,g,h,allm,nb,minleaf); L=B[:,j]<=s; kids=[]
        for m in (L,~L):
            sub=best_split(B,g,h,m,nb,minleaf) if depth==2 else None
            if sub is None: kids.append((None,leaf(g,h,m),None))
            else:
                _,j2,s2=sub; kids.append((j2,s2,(leaf(g,h,m&(B[:,j2]<=s2)),leaf(g,h,m&(B[:,j2]>s2)))))
        tree=(j,s,kids); trees.append(tree); F+=lr*apply(tree,B)
    return lambda A: sum(apply(t,bins(A,edges)) for t in trees)
def apply(tree,B):
    j,s,kids=tree; out=np.zeros(len(B)); L=B[:,j]<=s
    for m,(j2,s2,v) in zip((L,~L),kids):
        if j2 is None: out[m]=s2
        else: out[m]=np.where(B[m,j2]<=s2,v[0],v[1])
    return out
def run(feats,indomain):
    mats={r:mat(r,feats) for r in REPOS}; hits={5:0,10:0,50:0}; pos=0; per=[]
    for t in REPOS:
        if indomain: X,y=mats[t][0][:mats[t][2]],mats[t][1][:mats[t][2]]
        else:
            tr=[r for r in REPOS if r!=t]; X=np.vstack([mats[r][0][:mats[r][2]] for r in tr]); y=np.concatenate([mats[r][1][:mats[r][2]] for r in tr])
        sc=gbm(X,y.astype(float)); M,yy,cut=mats[t]; s=sc(M[cut:]); yt=yy[cut:]
        o=np.argsort(-s,kind='stable'); pos+=yt.sum(); h=[]
        for k in hits: c=yt[o[:math.ceil(k/100*len(s))]].sum(); hits[k]+=c; h.append(int(c))
        per.append(f"{t}:{h}")
    print('indomain' if indomain else 'loro',len(feats),f"{100*hits[5]/pos:5.1f} {100*hits[10]/pos:5.1f} {100*hits[50]/pos:5.1f}",' '.join(per),flush=True)
run(BASE,False); run(BASE+EX,False); run(BASE,True); run(BASE+EX,True)
