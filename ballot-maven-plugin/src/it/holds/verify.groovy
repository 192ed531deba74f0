// The build passed; the reports are under target/ballot and agree with it.
def log = new File(basedir, 'build.log').text
assert log.contains('ballot: every model met its expectation')
assert log.contains('BUILD SUCCESS')
def reports = new File(basedir, 'target/ballot')
def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-ballot.xml'))
assert junit.@failures.text() == '0'
assert junit.@errors.text() == '0'
assert junit.testsuite.size() == 3
assert new File(reports, 'ballot.sarif').text.contains('"version" : "2.1.0"')
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'ballot.json'))
assert json.passed == true
assert json.models*.status == ['met', 'met', 'met']
// counter-stops.m: its header's deadlock mode and constant applied (N = 4: 5 states)
assert json.models[2].result.states == 5
return true
