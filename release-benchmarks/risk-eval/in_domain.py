"""Ceiling check: each repository scored by a logistic regression trained on its OWN oldest 70%
(no cross-repository shift), with and without the derived history features. Run: python3 in_domain.py"""
from history_features import *
import math
EX=['lag','since_author_prev','author_tenure','repo_day','author_rev_rate','file_rev_rate','repo_rev30','author_rev90','night','weekend']
for feats,name in [(BASE,'base'),(BASE+EX,'base+ex')]:
  for lam in [1,30,300]:
    hits={5:0,10:0,50:0}; pos=0; per=[]
    for t in REPOS:
        M,y,cut=mat(t,feats); sc,w=fit(M[:cut],y[:cut],lam); s=sc(M[cut:]); yt=y[cut:]
        o=np.argsort(-s,kind='stable'); pos+=yt.sum(); h=[]
        for k in hits: c=yt[o[:math.ceil(k/100*len(s))]].sum(); hits[k]+=c; h.append(int(c))
        per.append(f"{t}:{h}")
    print(name,lam,f"{100*hits[5]/pos:5.1f} {100*hits[10]/pos:5.1f} {100*hits[50]/pos:5.1f}",' '.join(per),flush=True)
