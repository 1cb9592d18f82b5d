"""Makes the pickle fixtures of PickledParametersTest (python3 make_fixtures.py, in this folder).

Made with Python 3.11.7 and numpy 2.4.6. DEAP is not installed here: its creator.Individual (a list subclass) is
stood in for by a class of the same module and name, which pickles the same way.
"""
import pickle
import sys
import types

import numpy as np

def dump(name, obj, protocol):
    with open(name, "wb") as f:
        pickle.dump(obj, f, protocol=protocol)

# a BluePyOpt-style best-parameter dict: names -> numpy float64 scalars
best = {"somatic.gnabar_hh": np.float64(0.12), "somatic.gkbar_hh": np.float64(0.036),
        "basal.g_pas": np.float32(1e-4), "celsius": 34, "stim.amp": 0.25}
dump("best_params_p2.pkl", best, 2)
dump("best_params_p4.pkl", best, 4)
# numpy 1.x names the module numpy.core.multiarray; protocol 2 writes module names as text (GLOBAL opcodes),
# so renaming them in the bytes gives exactly numpy 1.x's pickle of the same dict
b = pickle.dumps(best, protocol=2).replace(b"numpy._core.multiarray", b"numpy.core.multiarray")
with open("best_params_numpy1_p2.pkl", "wb") as f:
    f.write(b)

# nested dicts, numpy arrays of one value, and an array of several
dump("nested_p4.pkl", {"somatic": {"gnabar_hh": np.array([0.1]), "gkbar_hh": np.array(0.03)},
                        "apical": {"g_pas": 2e-5}}, 4)
# a DEAP-style individual as a plain list, and as a numpy array
dump("list_p4.pkl", [0.12, 0.036, np.float64(3e-4)], 4)
dump("array_p2.pkl", np.array([0.12, 0.036, 3e-4], dtype=">f8"), 2)
# things that are not parameter sets
dump("vector_value_p4.pkl", {"somatic.gnabar_hh": np.array([0.1, 0.2])}, 4)
dump("string_value_p4.pkl", {"somatic.gnabar_hh": "fast"}, 4)

class Individual(list):
    pass
Individual.__module__ = "deap.creator"
mod = types.ModuleType("deap.creator")
mod.Individual = Individual
sys.modules["deap"] = types.ModuleType("deap")
sys.modules["deap.creator"] = mod
ind = Individual([0.1, 0.2])
dump("deap_checkpoint_p4.pkl", {"generation": 3, "halloffame": [ind]}, 4)
dump("deap_individual_p4.pkl", ind, 4)
