// The build failed, naming the model, the violated property and its location, and the reports say the same.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('models/peterson-bug-no-turn.m: expected holds, got invariant "mutual exclusion" violated'
    + ' at models/peterson-bug-no-turn.m:51:1')
def reports = new File(basedir, 'target/ballot')
def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-ballot.xml'))
assert junit.@failures.text() == '2' // the invariant's test case and the model's expected outcome
def failed = junit.testsuite.testcase.findAll { it.failure.size() > 0 }*.@name*.text()
assert failed.contains('invariant "mutual exclusion"')
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'ballot.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'invariant' }
assert result.locations[0].physicalLocation.artifactLocation.uri == 'models/peterson-bug-no-turn.m'
assert result.locations[0].physicalLocation.region.startLine == 51
assert result.suppressions == null
return true
